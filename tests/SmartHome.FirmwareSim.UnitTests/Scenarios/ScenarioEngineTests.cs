using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.FirmwareSim.UnitTests.Scenarios;

/// <summary>The engine alone: no clock, no network, a fixed start.</summary>
public sealed class ScenarioEngineTests
{
    [Fact]
    public void Play_SameScenarioSeedAndStart_GivesTheSameMessagesByteForByte()
    {
        var scenario = TestScenarios.Quiet("1d");

        var first = Payloads(new ScenarioEngine(scenario, 7, TestScenarios.Start));
        var second = Payloads(new ScenarioEngine(scenario, 7, TestScenarios.Start));

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Play_AnotherSeed_GivesOtherMessages()
    {
        var scenario = TestScenarios.Quiet("1d");

        Assert.NotEqual(Payloads(new ScenarioEngine(scenario, 7, TestScenarios.Start)), Payloads(new ScenarioEngine(scenario, 8, TestScenarios.Start)));
    }

    [Fact]
    public void Play_Scenario_StaysWithinItsSpanInTimeOrderWithTheScenariosSettings()
    {
        var sut = new ScenarioEngine(TestScenarios.Quiet("3h"), 7, TestScenarios.Start + TimeSpan.FromMilliseconds(400));

        var steps = sut.Play().Cast<MessageStep>().ToList();

        Assert.Equal(TestScenarios.Start, sut.Start);
        Assert.Equal(TestScenarios.Start + TimeSpan.FromHours(3), sut.End);
        Assert.Equal(steps.Select(s => s.At).Order(), steps.Select(s => s.At));
        Assert.All(steps, s => Assert.InRange(s.At, sut.Start, sut.End));
        Assert.All(steps, s => Assert.StartsWith("appliance/scenario-fridge/", s.Message.Topic, StringComparison.Ordinal));
        Assert.Equal(2 * ((3 * 60) + 1), steps.Count(s => s.Message.Channel == "temperature"));
    }

    [Fact]
    public void Constructor_ApplianceIdGiven_OverridesTheScenarios()
    {
        var sut = new ScenarioEngine(TestScenarios.Quiet(), 7, TestScenarios.Start, "other-fridge");

        Assert.All(sut.Play().Cast<MessageStep>(), s => Assert.StartsWith("appliance/other-fridge/", s.Message.Topic, StringComparison.Ordinal));
    }

    private static List<string> Payloads(ScenarioEngine engine) => [.. engine.Play().Cast<MessageStep>().Select(s => $"{s.Message.Topic} {s.Message.Payload}")];
}
