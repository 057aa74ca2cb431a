using System.Globalization;
using System.Text;
using System.Text.Json;
using SmartHome.Contracts.Validation;
using SmartHome.FirmwareSim.Appliances;
using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.FirmwareSim.UnitTests.Scenarios;

/// <summary>Each shipped scenario does what its name says: the engine alone, a fixed start (a Monday, midnight UTC), the file's seed.</summary>
public sealed class ShippedScenarioTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SensorFaults_SameSeed_SameMessagesByteForByte_AnotherSeed_Others()
    {
        var scenario = ScenarioLibrary.Shipped.Find("sensor-faults");

        var first = Steps(new ScenarioEngine(scenario, scenario.Seed, Monday));
        var again = Steps(new ScenarioEngine(scenario, scenario.Seed, Monday));
        var other = Steps(new ScenarioEngine(scenario, scenario.Seed + 1, Monday));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void PowerOutage_FridgeGoesDarkForTheCut_ThenReportsAboveFiveAndIsBackInBandHoursAfter()
    {
        var (engine, steps) = PlaySteps("power-outage");
        var cut = engine.Start + TimeSpan.FromHours(26);
        var back = cut + TimeSpan.FromHours(8);
        var messages = steps.OfType<MessageStep>().Select(s => s.Message).ToList();
        var fridge = Readings(messages, "fridge");

        Assert.Equal(new LinkOutageStep(cut, TimeSpan.FromHours(8)), Assert.Single(steps.OfType<LinkOutageStep>()));
        Assert.DoesNotContain(messages, m => m.At >= cut && m.At < back);
        Assert.All(fridge.Where(r => r.At < cut), r => Assert.InRange(r.Celsius, 2.0, 6.0));
        Assert.True(fridge.First(r => r.At >= back).Celsius > 5.0, $"first reading after the cut {fridge.First(r => r.At >= back)}");
        var hoursAfter = fridge.Where(r => r.At >= back + TimeSpan.FromHours(3)).ToList();
        Assert.InRange(hoursAfter.Average(r => r.Celsius), 3.0, 5.0);
        Assert.All(hoursAfter, r => Assert.InRange(r.Celsius, 2.0, 6.0));
    }

    [Fact]
    public void PowerOutage_FirmwareOnBattery_ReportsTheFridgeWarmingThroughTheCut()
    {
        var shipped = ScenarioLibrary.Shipped.Find("power-outage");
        var onBattery = shipped with { Timeline = [.. shipped.Timeline.Select(e => e with { FirmwareOnBattery = true })] };
        var engine = new ScenarioEngine(onBattery, onBattery.Seed, Monday);
        var cut = engine.Start + TimeSpan.FromHours(26);
        var back = cut + TimeSpan.FromHours(8);

        var steps = engine.Play().Steps.ToList();

        Assert.Empty(steps.OfType<LinkOutageStep>());
        var fridge = Readings(steps.OfType<MessageStep>().Select(s => s.Message), "fridge");
        Assert.All(fridge.Where(r => r.At >= back - TimeSpan.FromHours(2) && r.At < back), r => Assert.True(r.Celsius > 5.0, $"{r.At:O} {r.Celsius}"));
        Assert.True(fridge.Where(r => r.At >= cut && r.At < back).Max(r => r.Celsius) > 7.0);
    }

    [Fact]
    public void DoorLeftOpen_OpenAndClosedFifteenMinutesApart_AndTheFridgeAirUpSeveralDegrees()
    {
        var (engine, messages) = Play("door-left-open");
        var opened = engine.Start + Assert.Single(engine.Scenario.Timeline).At;
        var closed = opened + TimeSpan.FromMinutes(15);

        var doors = messages.Where(m => m.Channel == "door").Select(m => (m.At, State: Json(m).GetProperty("state").GetString())).ToList();
        Assert.Contains((opened, "open"), doors);
        Assert.Contains((closed, "closed"), doors);
        Assert.DoesNotContain(doors, d => d.At > opened && d.At < closed);
        var fridge = Readings(messages, "fridge");
        var before = fridge.Last(r => r.At <= opened).Celsius;
        var warmest = fridge.Where(r => r.At > opened && r.At <= closed).Max(r => r.Celsius);
        Assert.True(warmest - before >= 3.0, $"from {before} to {warmest}");
    }

    [Fact]
    public void ForgottenLeftovers_LeftoversCookedInTheRunPassTheirBestBeforeUneatenAndAreThrownOut()
    {
        var (engine, messages) = Play("forgotten-leftovers");
        var inventory = messages.Where(m => m.Channel == "inventory").Select(m => (m.At, Item: Json(m))).ToList();
        string Op((DateTimeOffset At, JsonElement Item) change) => change.Item.GetProperty("op").GetString()!;
        string Id((DateTimeOffset At, JsonElement Item) change) => change.Item.GetProperty("itemId").GetString()!;

        var cooked = inventory.Where(i => i.At > engine.Start && Op(i) == "added" && i.Item.GetProperty("category").GetString() == "leftovers").ToList();
        var eaten = inventory.Where(i => Op(i) == "consumed").Select(Id).ToHashSet();
        var forgotten = cooked.Where(l => !eaten.Contains(Id(l))).ToList();
        DateOnly BestBefore((DateTimeOffset At, JsonElement Item) leftover) => DateOnly.Parse(leftover.Item.GetProperty("bestBefore").GetString()!, CultureInfo.InvariantCulture);
        bool ThrownOutPastItsDate((DateTimeOffset At, JsonElement Item) leftover) => inventory.Any(i =>
            Op(i) == "removed" && Id(i) == Id(leftover) && DateOnly.FromDateTime(i.At.UtcDateTime) > BestBefore(leftover));

        Assert.True(cooked.Count >= 6, $"{cooked.Count} leftover dishes cooked");
        Assert.True(forgotten.Count * 2 > cooked.Count, $"{forgotten.Count} of {cooked.Count} never eaten");
        // Clear-outs come with the two shopping trips a week and take what is two days past its date.
        var lastClearOutDue = DateOnly.FromDateTime(engine.End.UtcDateTime).AddDays(-6);
        var longPast = forgotten.Where(l => BestBefore(l) <= lastClearOutDue).ToList();
        Assert.NotEmpty(longPast);
        Assert.All(longPast, l => Assert.True(ThrownOutPastItsDate(l), $"{Id(l)}, best before {BestBefore(l)}, still there"));
    }

    [Fact]
    public void SensorFaults_EveryFaultShowsInTheMessages()
    {
        var scenario = ScenarioLibrary.Shipped.Find("sensor-faults");
        var engine = new ScenarioEngine(scenario, scenario.Seed, Monday);
        var play = engine.Play();
        var steps = play.Steps.ToList();
        var messages = steps.OfType<MessageStep>().Select(s => s.Message).ToList();
        var at = (double hours) => engine.Start + TimeSpan.FromHours(hours);
        var accepted = messages.Where(m => ApplianceMessageReader.Read(m.Topic, Encoding.UTF8.GetBytes(m.Payload), m.At).Rejection is null).ToList();
        var fridge = Readings(accepted, "fridge");
        var freezer = Readings(accepted, "freezer");

        Assert.Equal(10, fridge.Count(r => r.Celsius == 85.0));
        Assert.All(fridge.Where(r => r.Celsius == 85.0), r => Assert.InRange(r.At, at(2), at(2) + TimeSpan.FromMinutes(10)));
        Assert.Equal(15, messages.Count(m => m.Channel == "temperature" && m.Payload.Contains("\"celsius\":-127", StringComparison.Ordinal)));
        Assert.All(messages.Where(m => m.Payload.Contains("\"celsius\":-127", StringComparison.Ordinal)), m => Assert.InRange(m.At, at(4), at(4) + TimeSpan.FromMinutes(15)));
        Assert.DoesNotContain(fridge, r => r.At >= at(6) && r.At < at(7));
        Assert.Contains(fridge, r => r.At >= at(7) && r.At < at(7.1));
        var stuck = freezer.Where(r => r.At >= at(9) && r.At < at(11)).Select(r => r.Celsius).ToList();
        Assert.Equal(120, stuck.Count);
        Assert.Single(stuck.Distinct());
        var doorTimes = messages.Where(m => m.Channel == "door").Select(m => m.At).ToList();
        Assert.Contains(doorTimes.Zip(doorTimes.Skip(1)), pair => pair.Second - pair.First < TimeSpan.FromMilliseconds(100));
        // Rejected by the contract's reader: the malformed burst, and the −127 readings (outside the plausible range).
        var rejected = messages.Except(accepted).ToList();
        Assert.Equal(7, rejected.Count(m => m.At == at(14)));
        Assert.All(rejected.Where(m => m.At != at(14)), m => Assert.Contains("\"celsius\":-127", m.Payload, StringComparison.Ordinal));
        var outage = Assert.Single(steps.OfType<LinkOutageStep>());
        Assert.Equal((at(16), TimeSpan.FromMinutes(30)), (outage.At, outage.For));
        Assert.Equal(
            new Dictionary<string, long> { ["door-bounce"] = 108, ["malformed"] = 7, ["offline"] = 1, ["probe-85"] = 10, ["probe-disconnected"] = 15, ["probe-silent"] = 60, ["probe-stuck"] = 120 }
                .Where(f => f.Key != "door-bounce").OrderBy(f => f.Key),
            play.FaultsInjected.Where(f => f.Key != "door-bounce").OrderBy(f => f.Key));
        Assert.True(play.FaultsInjected["door-bounce"] > 0);
    }

    [Fact]
    public void NormalWeek_MealsEveryDayAndShoppingTrips()
    {
        var (engine, messages) = Play("normal-week");
        var inventory = messages.Where(m => m.Channel == "inventory" && m.At > engine.Start).Select(m => (m.At, Item: Json(m))).ToList();

        for (var day = 0; day < 7; day++)
        {
            var from = engine.Start.AddDays(day);
            Assert.True(messages.Count(m => m.Channel == "door" && m.At >= from && m.At < from.AddDays(1)) >= 6, $"door messages on day {day}");
            Assert.Contains(inventory, i => i.At >= from && i.At < from.AddDays(1) && i.Item.GetProperty("op").GetString() == "consumed");
        }

        var shopping = inventory.Where(i => i.Item.GetProperty("op").GetString() == "added" && i.Item.TryGetProperty("barcode", out _)).Select(i => i.At.DayOfWeek).ToHashSet();
        Assert.Superset(new HashSet<DayOfWeek> { DayOfWeek.Wednesday, DayOfWeek.Saturday }, shopping);
    }

    private static (ScenarioEngine Engine, List<SimulatedMessage> Messages) Play(string name)
    {
        var (engine, steps) = PlaySteps(name);
        return (engine, steps.OfType<MessageStep>().Select(s => s.Message).ToList());
    }

    private static (ScenarioEngine Engine, List<ScenarioStep> Steps) PlaySteps(string name)
    {
        var scenario = ScenarioLibrary.Shipped.Find(name);
        var engine = new ScenarioEngine(scenario, scenario.Seed, Monday);
        return (engine, engine.Play().Steps.ToList());
    }

    private static List<string> Steps(ScenarioEngine engine) =>
        [.. engine.Play().Steps.Select(s => s is MessageStep { Message: var m } ? $"{m.Topic} {m.Payload}" : s.ToString())];

    private static List<(DateTimeOffset At, double Celsius)> Readings(IEnumerable<SimulatedMessage> messages, string sensor) =>
        [.. messages.Where(m => m.Channel == "temperature").Select(m => (m.At, Reading: Json(m)))
            .Where(r => r.Reading.GetProperty("sensor").GetString() == sensor)
            .Select(r => (r.At, r.Reading.GetProperty("celsius").GetDouble()))];

    private static JsonElement Json(SimulatedMessage message) => JsonDocument.Parse(message.Payload).RootElement;
}
