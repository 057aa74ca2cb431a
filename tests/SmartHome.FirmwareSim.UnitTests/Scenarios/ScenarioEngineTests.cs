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

        var steps = sut.Play().Steps.Cast<MessageStep>().ToList();

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

        Assert.All(sut.Play().Steps.Cast<MessageStep>(), s => Assert.StartsWith("appliance/other-fridge/", s.Message.Topic, StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_StartWithAnOffset_PlaysInUtc()
    {
        var sut = new ScenarioEngine(TestScenarios.Quiet(), 7, new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal((TestScenarios.Start, TimeSpan.Zero), (sut.Start, sut.Start.Offset));
        Assert.All(sut.Play().Steps, s => Assert.Equal(TimeSpan.Zero, s.At.Offset));
    }

    [Fact]
    public void Play_BouncingDoorUpToOutagesAndTheEnd_SendsEveryFlipItCountsInTimeOrder()
    {
        var scenario = TestScenarios.Parse("""
            { "name": "bouncy", "description": "A bouncing door between outages.", "seed": 4, "duration": "1d", "applianceId": "scenario-fridge",
              "fridge": { "temperatureInterval": "10m" },
              "timeline": [
                { "at": "0s", "event": "door-bounce", "for": "1d" },
                { "at": "7h", "event": "offline", "for": "1h" },
                { "at": "12h", "event": "power-cut", "for": "2h" },
                { "at": "19h", "event": "offline", "for": "30m" }
              ] }
            """);
        var unbounced = new ScenarioEngine(scenario with { Timeline = [.. scenario.Timeline.Skip(1)] }, 4, TestScenarios.Start).Play().Steps.ToList();
        var play = new ScenarioEngine(scenario, 4, TestScenarios.Start).Play();

        var steps = play.Steps.ToList();

        Assert.Equal(steps.Select(s => s.At).Order(), steps.Select(s => s.At));
        var doorMessages = (IEnumerable<ScenarioStep> all) => all.OfType<MessageStep>().Count(s => s.Message.Channel == "door");
        Assert.True(play.FaultsInjected["door-bounce"] > 0);
        Assert.Equal(doorMessages(unbounced) + play.FaultsInjected["door-bounce"], doorMessages(steps));
    }

    [Fact]
    public void Play_MalformedBurstAfterTheLastReading_IsSent()
    {
        var scenario = TestScenarios.Parse("""
            { "name": "late-burst", "description": "Garbage near the end.", "seed": 4, "duration": "2h30m", "applianceId": "scenario-fridge",
              "fridge": { "temperatureInterval": "1h" }, "household": { "snackOpeningsPerWakingHour": 0 },
              "timeline": [{ "at": "2h10m", "event": "malformed", "kinds": ["not-json", "too-large"] }] }
            """);
        var play = new ScenarioEngine(scenario, 4, new DateTimeOffset(2026, 11, 16, 1, 0, 0, TimeSpan.Zero)).Play();

        var burst = play.Steps.OfType<MessageStep>().Where(s => s.At == new DateTimeOffset(2026, 11, 16, 3, 10, 0, TimeSpan.Zero)).ToList();

        Assert.Equal(2, burst.Count);
        Assert.Equal(2, play.FaultsInjected["malformed"]);
    }

    private static List<string> Payloads(ScenarioEngine engine) => [.. engine.Play().Steps.Cast<MessageStep>().Select(s => $"{s.Message.Topic} {s.Message.Payload}")];
}
