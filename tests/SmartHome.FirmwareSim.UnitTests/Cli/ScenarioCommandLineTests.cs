using SmartHome.FirmwareSim.Cli;
using SmartHome.FirmwareSim.Fleet;
using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.FirmwareSim.UnitTests.Cli;

public sealed class ScenarioCommandLineTests
{
    [Fact]
    public void Parse_NameOnly_TakesTheScenariosSeedAtRealTimeOnTheDefaultLink()
    {
        var sut = Assert.IsType<ScenarioCommand>(CommandLine.Parse(["scenario", "power-outage"]));

        Assert.Equal("power-outage", sut.Scenario.Name);
        Assert.Equal(sut.Scenario.Seed, sut.Seed);
        Assert.Equal(new LinkAddress("127.0.0.1", 1884), sut.Link);
        Assert.Null(sut.ApplianceId);
        Assert.Equal(ScenarioSpeed.RealTime, sut.Speed);
        Assert.Null(sut.Start);
    }

    [Fact]
    public void Parse_EveryOption_OverridesTheDefaults()
    {
        var sut = Assert.IsType<ScenarioCommand>(CommandLine.Parse(
            ["scenario", "normal-week", "--host", "gw.local", "--port=1999", "--appliance", "kitchen-fridge", "--seed", "-7", "--speed", "max", "--start", "2026-11-16T08:00:00Z"]));

        Assert.Equal(new LinkAddress("gw.local", 1999), sut.Link);
        Assert.Equal("kitchen-fridge", sut.ApplianceId);
        Assert.Equal(-7, sut.Seed);
        Assert.True(sut.Speed.IsMax);
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero), sut.Start);
    }

    [Fact]
    public void Parse_Path_LoadsThatFile()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "scenarios", "door-left-open.json");

        var sut = Assert.IsType<ScenarioCommand>(CommandLine.Parse(["scenario", path, "--speed", "600"]));

        Assert.Equal("door-left-open", sut.Scenario.Name);
        Assert.Equal(600, sut.Speed.SimulatedSecondsPerSecond);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Parse_Help_ShowsHelp(string arg) => Assert.IsType<HelpCommand>(CommandLine.Parse(["scenario", "normal-week", arg]));

    [Theory]
    [InlineData(new[] { "scenario" }, "scenario needs a scenario name or the path of a .json file")]
    [InlineData(new[] { "scenario", "--speed", "max" }, "scenario needs a scenario name or the path of a .json file")]
    [InlineData(new[] { "scenario", "powercut" },
        "unknown scenario 'powercut' (expected door-left-open, forgotten-leftovers, normal-week, power-outage, sensor-faults, or the path of a .json file)")]
    [InlineData(new[] { "scenario", "normal-week", "--speed", "fast" }, "--speed needs 'max' or simulated seconds per second, more than 0 and at most 10000000, was 'fast'")]
    [InlineData(new[] { "scenario", "normal-week", "--speed", "0" }, "--speed needs 'max' or simulated seconds per second, more than 0 and at most 10000000, was '0'")]
    [InlineData(new[] { "scenario", "normal-week", "--start", "yesterday" }, "--start needs an ISO time in whole seconds such as 2026-11-16T08:00:00Z, was 'yesterday'")]
    [InlineData(new[] { "scenario", "normal-week", "--start", "2026-11-16T08:00:00.5Z" },
        "--start needs an ISO time in whole seconds such as 2026-11-16T08:00:00Z, was '2026-11-16T08:00:00.5Z'")]
    [InlineData(new[] { "scenario", "normal-week", "--port", "0" }, "--port needs a port number from 1 to 65535, was '0'")]
    [InlineData(new[] { "scenario", "normal-week", "--appliance", "my fridge" }, "--appliance needs an appliance id of 1-64 letters, digits, '.', '_' or '-', was 'my fridge'")]
    [InlineData(new[] { "scenario", "normal-week", "--seed", "1.5" }, "--seed needs a whole number, was '1.5'")]
    [InlineData(new[] { "scenario", "normal-week", "--seed" }, "--seed needs a value")]
    [InlineData(new[] { "scenario", "normal-week", "--interval", "5s" }, "unknown scenario option '--interval'")]
    public void Parse_BadArguments_SaysWhatIsWrong(string[] args, string error)
    {
        var invalid = Assert.IsType<InvalidCommand>(CommandLine.Parse(args));

        Assert.Equal(error, invalid.Error);
    }

    [Fact]
    public void Parse_BadScenarioFile_NamesTheFileAndTheField()
    {
        var folder = Directory.CreateTempSubdirectory("scenario-");
        try
        {
            var path = Path.Combine(folder.FullName, "typo.json");
            File.WriteAllText(path, """{ "name": "typo", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "1m", "event": "powercut", "for": "5m" }] }""");

            var invalid = Assert.IsType<InvalidCommand>(CommandLine.Parse(["scenario", path]));

            Assert.StartsWith($"{path}: timeline[0].event: unknown event 'powercut' (expected power-cut, ", invalid.Error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Usage_ListsEveryShippedScenarioWithItsDescription()
    {
        var sut = Usage.Text;

        Assert.All(ScenarioLibrary.Shipped.Scenarios, s => Assert.Contains($"  {s.Name.PadRight(21)}{s.Description}", sut, StringComparison.Ordinal));
        Assert.Contains("SmartHome.FirmwareSim scenario <name|path> [scenario options]", sut, StringComparison.Ordinal);
        Assert.Contains("--speed <n|max>", sut, StringComparison.Ordinal);
        Assert.Contains("--start <time>", sut, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_ScenariosThatDoNotLoad_SaysWhyAndStillShowsTheOptions()
    {
        var sut = Usage.Build(new ScenarioLibrary(Path.Combine(Path.GetTempPath(), $"no-scenarios-{Guid.NewGuid():N}")));

        Assert.Contains("(the shipped scenarios do not load: ", sut, StringComparison.Ordinal);
        Assert.Contains("--speed <n|max>", sut, StringComparison.Ordinal);
    }
}
