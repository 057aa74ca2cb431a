using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.FirmwareSim.UnitTests.Scenarios;

public sealed class ScenarioLibraryTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("scenarios-");

    [Fact]
    public void Shipped_EveryFileInTheBuildOutput_LoadsWithADescription()
    {
        var sut = ScenarioLibrary.Shipped.Scenarios;

        Assert.Equal(["door-left-open", "forgotten-leftovers", "normal-week", "power-outage", "sensor-faults"], sut.Select(s => s.Name));
        Assert.All(sut, s => Assert.False(string.IsNullOrWhiteSpace(s.Description)));
        Assert.All(sut, s => Assert.Equal($"scenarios/{s.Name}.json", s.Source));
    }

    [Fact]
    public void Shipped_SensorFaults_HasEveryFaultEvent()
    {
        var sut = ScenarioLibrary.Shipped.Find("sensor-faults");

        Assert.Equal(
            Enum.GetValues<ScenarioEventKind>().Except([ScenarioEventKind.PowerCut, ScenarioEventKind.DoorLeftOpen]).Order(),
            sut.Timeline.Select(e => e.Kind).Order());
    }

    [Fact]
    public void Find_Name_ReturnsThatScenario()
    {
        Write("a.json", Scenario("alpha"));

        Assert.Equal("alpha", new ScenarioLibrary(_folder.FullName).Find("alpha").Name);
    }

    [Fact]
    public void Find_PathOfAFileOutsideTheLibrary_LoadsIt()
    {
        var path = Write("elsewhere.json", Scenario("elsewhere"));

        var sut = new ScenarioLibrary(Path.Combine(_folder.FullName, "missing")).Find(path);

        Assert.Equal("elsewhere", sut.Name);
        Assert.Equal(path, sut.Source);
    }

    [Fact]
    public void Find_UnknownName_ListsTheScenariosThereAre()
    {
        Write("a.json", Scenario("alpha"));
        Write("b.json", Scenario("beta"));

        var ex = Assert.Throws<ScenarioException>(() => new ScenarioLibrary(_folder.FullName).Find("gamma"));

        Assert.Equal("unknown scenario 'gamma' (expected alpha, beta, or the path of a .json file)", ex.Message);
    }

    [Fact]
    public void Find_MissingFile_SaysSo()
    {
        var path = Path.Combine(_folder.FullName, "nope.json");

        var ex = Assert.Throws<ScenarioException>(() => new ScenarioLibrary(_folder.FullName).Find(path));

        Assert.Equal($"{path}: no such file", ex.Message);
    }

    [Fact]
    public void Scenarios_TwoFilesWithTheSameName_NamesBothFiles()
    {
        Write("first.json", Scenario("twin"));
        Write("second.json", Scenario("twin"));

        var ex = Assert.Throws<ScenarioException>(() => new ScenarioLibrary(_folder.FullName).Scenarios);

        Assert.Equal("scenarios/second.json: name: 'twin' is already the name of scenarios/first.json", ex.Message);
    }

    [Fact]
    public void Scenarios_ABadFile_NamesItAndTheField()
    {
        Write("good.json", Scenario("good"));
        Write("bad.json", """{ "name": "bad", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "1m", "event": "powercut" }] }""");

        var ex = Assert.Throws<ScenarioException>(() => new ScenarioLibrary(_folder.FullName).Scenarios);

        Assert.StartsWith("scenarios/bad.json: timeline[0].event: unknown event 'powercut'", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static string Scenario(string name) => $$"""{ "name": "{{name}}", "description": "d", "seed": 1, "duration": "1h" }""";

    private string Write(string file, string json)
    {
        var path = Path.Combine(_folder.FullName, file);
        File.WriteAllText(path, json);
        return path;
    }
}
