using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.FirmwareSim.UnitTests.Scenarios;

/// <summary>Scenario files written inline, and a fixed start so runs are reproducible.</summary>
internal static class TestScenarios
{
    public const string Source = "test.json";

    public static readonly DateTimeOffset Start = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    public static Scenario Parse(string json) => ScenarioReader.Parse(json, Source);

    /// <summary>A short scenario without events: a couple of hours of ordinary life, readings every minute.</summary>
    public static Scenario Quiet(string duration = "2h") => Parse($$"""
        { "name": "quiet", "description": "A quiet spell.", "seed": 11, "duration": "{{duration}}", "applianceId": "scenario-fridge",
          "fridge": { "temperatureInterval": "1m" } }
        """);
}
