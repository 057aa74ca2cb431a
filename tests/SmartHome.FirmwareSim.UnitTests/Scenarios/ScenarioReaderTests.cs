using SmartHome.FirmwareSim.Faults;
using SmartHome.FirmwareSim.Household;
using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.FirmwareSim.UnitTests.Scenarios;

public sealed class ScenarioReaderTests
{
    private const string Valid = """
        {
          // comments are allowed
          "name": "every-field",
          "description": "Uses every field.",
          "seed": 42,
          "duration": "2d",
          "applianceId": "kitchen-fridge",
          "fridge": { "temperatureInterval": "30s", "firmware": "9.9.9" },
          "household": { "people": 3, "forgottenLeftoversChance": 0.9 },
          "timeline": [
            { "at": "1d", "event": "offline", "for": "1h" },
            { "at": "0s", "event": "probe-stuck", "sensor": "freezer", "for": "6h" },
            { "at": "1d6h", "event": "malformed", "kinds": ["not-json"] },
            { "at": "12h", "event": "door-bounce", "for": "1h" },
            { "at": "1d8h", "event": "power-cut", "for": "2h", "firmware": "on-battery" },
            { "at": "1d12h", "event": "power-cut", "for": "2h" }
          ]
        }
        """;

    [Fact]
    public void Parse_EveryField_ReadsThemWithTheTimelineInTimeOrder()
    {
        var sut = TestScenarios.Parse(Valid);

        Assert.Equal("every-field", sut.Name);
        Assert.Equal("Uses every field.", sut.Description);
        Assert.Equal(42, sut.Seed);
        Assert.Equal(TimeSpan.FromDays(2), sut.Duration);
        Assert.Equal("kitchen-fridge", sut.ApplianceId);
        Assert.Equal(new ScenarioFridge(TimeSpan.FromSeconds(30), "9.9.9"), sut.Fridge);
        Assert.Equal((3, 0.9, new HouseholdProfile().Dinner), (sut.Household.People, sut.Household.ForgottenLeftoversChance, sut.Household.Dinner));
        Assert.Equal(TestScenarios.Source, sut.Source);
        Assert.Equal([1, 3, 0, 2, 4, 5], sut.Timeline.Select(e => e.Index));
        Assert.Equal(
            new ScenarioEvent(1, TimeSpan.Zero, ScenarioEventKind.ProbeStuck, TimeSpan.FromHours(6), "freezer", []),
            sut.Timeline[0] with { MalformedKinds = [] });
        Assert.Equal([MalformedKind.NotJson], sut.Timeline[3].MalformedKinds);
        Assert.Equal("door-bounce", sut.Timeline[1].Name);
        Assert.Null(sut.Timeline[3].For);
        Assert.Equal((true, false), (sut.Timeline[4].FirmwareOnBattery, sut.Timeline[5].FirmwareOnBattery));
    }

    [Fact]
    public void Parse_OnlyTheRequiredFields_LeavesTheRestToDefaults()
    {
        var sut = TestScenarios.Parse("""{ "name": "bare", "description": "Bare.", "seed": 1, "duration": "1h" }""");

        Assert.Null(sut.ApplianceId);
        Assert.Equal(new ScenarioFridge(), sut.Fridge);
        Assert.Equal(new HouseholdProfile().People, sut.Household.People);
        Assert.Empty(sut.Timeline);
    }

    [Theory]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "1m", "event": "powercut", "for": "5m" }] }""",
        "timeline[0].event: unknown event 'powercut' (expected power-cut, door-left-open, probe-85, probe-disconnected, probe-silent, probe-stuck, door-bounce, malformed, offline)")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "2h", "event": "door-bounce", "for": "1m" }] }""",
        "timeline[0].at: '2h' is not within the scenario's duration")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "50m", "event": "power-cut", "for": "20m" }] }""",
        "timeline[0].for: power-cut would end after the scenario's duration")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "5m", "event": "power-cut", "for": "20m", "firmware": "solar" }] }""",
        "timeline[0].firmware: unknown firmware 'solar' (expected off or on-battery)")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "5m", "event": "door-left-open", "for": "20m", "firmware": "off" }] }""",
        "timeline[0].firmware: unknown field for door-left-open (expected at, event, for)")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "5m", "event": "power-cut" }] }""",
        "timeline[0].for: is required for power-cut: a time such as 15m, 8h or 1d6h")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "5m", "event": "offline", "for": "-5m" }] }""",
        "timeline[0].for: '-5m' is not a positive time: a time such as 15m, 8h or 1d6h")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "5m", "event": "probe-85", "sensor": "pantry", "for": "5m" }] }""",
        "timeline[0].sensor: unknown sensor 'pantry' (expected fridge, freezer)")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "5m", "event": "probe-silent", "for": "5m" }] }""",
        "timeline[0].sensor: is required")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "5m", "event": "malformed", "kinds": ["not-json"], "for": "5m" }] }""",
        "timeline[0].for: unknown field for malformed (expected at, event, kinds)")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "5m", "event": "malformed", "kinds": [] }] }""",
        "timeline[0].kinds: is required: a non-empty array of kinds of malformed message")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "event": "malformed", "kinds": ["not-json"] }] }""",
        "timeline[0].at: is required: a time such as 15m, 8h or 1d6h, counted from the start")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "1m", "event": "offline", "for": "10m" }, { "at": "5m", "event": "offline", "for": "1m" }] }""",
        "timeline[1]: offline overlaps timeline[0], the same event at the same time")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": {} }""", "timeline: must be an array of events")]
    [InlineData("""{ "description": "d", "seed": 1, "duration": "1h" }""", "name: is required")]
    [InlineData("""{ "name": "Power Outage", "description": "d", "seed": 1, "duration": "1h" }""", "name: 'Power Outage' must be lower-case letters, digits and '-'")]
    [InlineData("""{ "name": "x", "description": "one\ntwo", "seed": 1, "duration": "1h" }""", "description: must be one line of at most 80 characters, for --help")]
    [InlineData("""{ "name": "x", "description": "d", "seed": "one", "duration": "1h" }""", "seed: must be a whole number")]
    [InlineData("""{ "name": "x", "description": "d", "duration": "1h" }""", "seed: is required: a whole number")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1 }""", "duration: is required: a time such as 15m, 8h or 1d6h")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "a week" }""", "duration: 'a week' is not a positive time: a time such as 15m, 8h or 1d6h")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "colour": "blue" }""",
        "colour: unknown field (expected name, description, seed, duration, applianceId, fridge, household, timeline)")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "applianceId": "my fridge" }""",
        "applianceId: must be 1-64 letters, digits, '.', '_' or '-'")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "fridge": { "temperatureInterval": "2h" } }""",
        "fridge.temperatureInterval: must be from 50 ms to 1 hour, was 02:00:00")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "fridge": { "interval": "2s" } }""",
        "fridge.interval: unknown field (expected temperatureInterval, firmware)")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "fridge": { "doorOpeningMeanInterval": "10s" } }""",
        "fridge.doorOpeningMeanInterval: unknown field (expected temperatureInterval, firmware)")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "household": 3 }""", "household: must be an object")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "household": { "people": 0 } }""", "household.people: must be from 1 to 12, was 0")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "household": { "peple": 3 } }""",
        "household.peple: The JSON property 'peple' could not be mapped to any .NET member contained in type 'SmartHome.FirmwareSim.Household.HouseholdProfile'")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "household": { "people": "three" } }""",
        "household.people: The JSON value could not be converted to System.Int32")]
    [InlineData("""{ "name": "x", "description": "d", "seed": 1, "duration": "1h", "timeline": [{ "at": "5m", "event": "malformed", "kinds": ["not-json", "garbage"] }] }""",
        "timeline[0].kinds[1]: unknown kind 'garbage' (expected not-json, truncated-json, wrong-type, missing-field, unknown-enum-value, too-large, unknown-channel)")]
    public void Parse_Mistake_NamesTheFileAndTheField(string json, string error)
    {
        var ex = Assert.Throws<ScenarioException>(() => TestScenarios.Parse(json));

        Assert.Equal($"{TestScenarios.Source}: {error}", ex.Message);
    }

    [Fact]
    public void Parse_NotJson_NamesTheFileAndTheLine()
    {
        var ex = Assert.Throws<ScenarioException>(() => TestScenarios.Parse("{\n  \"name\": \"x\",\n  oops\n}"));

        Assert.StartsWith($"{TestScenarios.Source}: line 3: not valid JSON (", ex.Message, StringComparison.Ordinal);
    }
}
