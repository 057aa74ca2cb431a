using SmartHome.Cloud.Core;
using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Telemetry;
using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.Cloud.UnitTests.Core.Simulated;

/// <summary>
/// The simulator's power cuts: the shipped <c>power-outage</c> (8 hours from Tuesday 02:00, the fridge's controller
/// down with the mains, so the core bridges the silent fridge with a line) and the same cut lasting longer with the
/// controller on a battery, reporting the fridge warming all through. Expectations are worked out from the readings by
/// <see cref="ReferenceCurve"/>, not by the core's code.
/// </summary>
public sealed class PowerOutageScenarioTests(PowerOutageScenarioTests.ShippedPlay shipped) : IClassFixture<PowerOutageScenarioTests.ShippedPlay>
{
    /// <summary>
    /// The core integrates exactly; <see cref="ReferenceCurve"/> sums one-second steps, off by well under a second over
    /// these days. A minute bounds that with room to spare and is far below what would change a reported time's
    /// meaning or a date (half a day of life).
    /// </summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(1);

    private static readonly DateTimeOffset Cut = SimulatedTelemetry.Monday.AddHours(26);
    private static readonly DateTimeOffset Back = Cut.AddHours(8);

    // In the fridge at the cut: the perishables (dairy, eggs, meat, poultry, fish, deli, tofu, leftovers) and the rest.
    private static readonly string[] Perishables =
    [
        "milk-1", "yoghurt-1", "butter-1", "cheddar-1", "brie-1", "cottage-cheese-1", "eggs-1", "chicken-breast-1",
        "beef-mince-1", "turkey-slices-1", "smoked-salmon-1", "tofu-1", "chilli-leftovers-1",
    ];

    private static readonly string[] NotPerishable =
    [
        "spinach-1", "carrots-1", "broccoli-1", "cucumber-1", "mushrooms-1", "grapes-1", "orange-juice-1",
        "ketchup-1", "mayonnaise-1", "jam-1", "bread-1", "ice-cream-1",
    ];

    [Fact]
    public void PowerOutage_ThePerishablesInTheFridge_TurnUnsafeWhenTheirFoodTemperatureHasSpentTwoHoursAbove5C()
    {
        // The fridge is silent through the cut: its first reading after it proves the warming, and the rule judges the
        // line the core bridges the gap with up to that reading (later readings of the same slot refine the line, but
        // an event once raised stays).
        var known = new ReferenceCurve(SimulatedTelemetry.Readings(shipped.Envelopes[..(shipped.Proof + 1)], "fridge"));
        var options = new CoreOptions();

        Assert.Empty(shipped.UnsafeBeforeProof);
        Assert.Equal(Perishables.Select(Subjects.Item).Order(), shipped.UnsafeAtProof.Select(e => e.Subject).Order());
        foreach (var unsafeEvent in shipped.UnsafeAtProof)
        {
            var item = shipped.AtProof[unsafeEvent.Subject!["items/".Length..]];
            var expected = known.UnsafeFrom(item.AddedAt, options.UnsafeFoodLag, options.UnsafeAboveCelsius, options.UnsafeAfter);
            Assert.NotNull(expected);
            Assert.InRange(unsafeEvent.Time, expected.Value - Tolerance, expected.Value + Tolerance);
            Assert.InRange(unsafeEvent.Time, Cut.AddHours(2), Back);
            Assert.NotNull(item.UnsafeReason);
        }

        Assert.All(NotPerishable, id => Assert.Null(shipped.AtProof[id].UnsafeReason));
        Assert.Equal(
            shipped.UnsafeAtProof.Select(e => e.Id),
            shipped.Run.Events.Where(e => e.Type == NeedEventTypes.FoodUnsafe).Select(e => e.Id));
    }

    [Fact]
    public void PowerOutage_BothCompartments_AreReportedOutOfRangeFromTheirFirstReadingAfterTheCut()
    {
        foreach (var (sensor, safeMax) in new[] { ("fridge", 5.0), ("freezer", -15.0) })
        {
            var firstBack = SimulatedTelemetry.Readings(shipped.Envelopes, sensor).First(r => r.At >= Back);
            Assert.True(firstBack.Celsius > safeMax, $"{sensor} back at {firstBack.Celsius} °C");
            var excursion = Assert.Single(
                shipped.Run.Events, e => e.Type == NeedEventTypes.TemperatureExcursion && e.Subject == Subjects.Compartment(TestTelemetry.ApplianceId, sensor));
            Assert.Equal(firstBack.At, excursion.Time);
        }
    }

    [Fact]
    public void PowerOutage_TheMilksLifeUsed_IsWhatTheSquareRootModelMakesOfTheReadings_UnderHalfADaySoItsDateStays()
    {
        var before = shipped.BeforeCut["milk-1"];
        var milk = shipped.Run.Twin.FindItem("milk-1")!;

        var usedBefore = new ReferenceCurve(SimulatedTelemetry.Readings(shipped.Envelopes[..shipped.CutIndex], "fridge")).LifeUsed(milk.AddedAt);
        var used = new ReferenceCurve(SimulatedTelemetry.Readings(shipped.Envelopes, "fridge")).LifeUsed(milk.AddedAt);
        Assert.InRange(before.LifeUsed, usedBefore - Tolerance, usedBefore + Tolerance);
        Assert.InRange(milk.Exposure!.Total.LifeUsed, used - Tolerance, used + Tolerance);
        // About 7.4 hours, most of it the line across the cut: under the half day that moves a date.
        Assert.InRange(used, TimeSpan.FromHours(6), TimeSpan.FromHours(11));
        Assert.Equal(milk.BestBefore, before.EstimatedBestBefore);
        Assert.Equal(milk.BestBefore, milk.EstimatedBestBefore);
    }

    [Fact]
    public void LongPowerCutOnBattery_MovesThePerishablesDatesEarlierByTheLifeTheSquareRootModelSaysTheWarmthUsed()
    {
        var scenario = shipped.Scenario with
        {
            Duration = TimeSpan.FromDays(2.5),
            Fridge = new ScenarioFridge(TemperatureInterval: TimeSpan.FromMinutes(5)),
            Timeline = [shipped.Scenario.Timeline.Single() with { For = TimeSpan.FromHours(36), FirmwareOnBattery = true }],
        };
        var envelopes = SimulatedTelemetry.Envelopes(scenario);
        var cutIndex = envelopes.FindIndex(e => e.Envelope.Records[0].At >= Cut);
        var named = new[] { "milk-1", "turkey-slices-1", "eggs-1", "tofu-1" };

        var run = new ScenarioRun().Play(envelopes[..cutIndex]);
        var datesBefore = named.ToDictionary(id => id, id => run.Twin.FindItem(id)!.EstimatedBestBefore!.Value);
        var iceCreamBefore = run.Twin.FindItem("ice-cream-1")!.EstimatedBestBefore;
        run.Play(envelopes[cutIndex..]);

        var fridge = new ReferenceCurve(SimulatedTelemetry.Readings(envelopes, "fridge"));
        var fridgeBefore = new ReferenceCurve(SimulatedTelemetry.Readings(envelopes[..cutIndex], "fridge"));
        foreach (var id in named)
        {
            var item = run.Twin.FindItem(id)!;
            var label = item.BestBefore!.Value;
            var lifeUsed = fridge.LifeUsed(item.AddedAt);
            Assert.Equal(label.AddDays(-DaysEarlier(fridgeBefore.LifeUsed(item.AddedAt))), datesBefore[id]);
            Assert.InRange(item.Exposure!.Total.LifeUsed, lifeUsed - Tolerance, lifeUsed + Tolerance);
            Assert.True(DaysEarlier(lifeUsed) >= 1, $"{id}: {lifeUsed} of life used");
            Assert.Equal(label.AddDays(-DaysEarlier(lifeUsed)), item.EstimatedBestBefore);
            Assert.Equal(datesBefore[id].AddDays(-(DaysEarlier(lifeUsed) - DaysEarlier(fridgeBefore.LifeUsed(item.AddedAt)))), item.EstimatedBestBefore);
            Assert.True(item.Estimated);
        }

        // The freezer warms past Tmin (−10 °C) too, and frozen food's figure allows for no growth at all, so all of it
        // counts; but the ice cream sits above −10 °C only for the cut's last hours: under half a day, its date stays.
        var iceCream = run.Twin.FindItem("ice-cream-1")!;
        var frozenLifeUsed = new ReferenceCurve(SimulatedTelemetry.Readings(envelopes, "freezer")).LifeUsed(iceCream.AddedAt, nominalRate: 0);
        Assert.InRange(iceCream.Exposure!.Total.LifeUsed, frozenLifeUsed - Tolerance, frozenLifeUsed + Tolerance);
        Assert.InRange(frozenLifeUsed, TimeSpan.FromHours(1), TimeSpan.FromHours(11));
        Assert.Equal(iceCreamBefore, iceCream.EstimatedBestBefore);
    }

    /// <summary>Whole days, to the nearest (docs/shelf-life.md: 12 hours or more of life used is a day).</summary>
    private static int DaysEarlier(TimeSpan lifeUsed) => (int)Math.Floor((lifeUsed.TotalHours / 24) + 0.5);

    /// <summary>What an item was at a moment of the play.</summary>
    public sealed record ItemState(DateTimeOffset AddedAt, DateOnly? EstimatedBestBefore, TimeSpan LifeUsed, string? UnsafeReason);

    /// <summary>The shipped scenario played once for the class, in parts: up to the cut, up to the fridge's first reading after it, that envelope, the rest.</summary>
    public sealed class ShippedPlay
    {
        public ShippedPlay()
        {
            Envelopes = SimulatedTelemetry.Envelopes(Scenario);
            CutIndex = Envelopes.FindIndex(e => e.Envelope.Records[0].At >= Cut);
            Proof = Envelopes.FindIndex(e => e.Envelope.Records.Any(r => r.Kind == RecordKind.Temperature && r.At >= Back));

            Run.Play(Envelopes[..CutIndex]);
            BeforeCut = States();
            Run.Play(Envelopes[CutIndex..Proof]);
            UnsafeBeforeProof = [.. Run.Events.Where(e => e.Type == NeedEventTypes.FoodUnsafe)];
            var raisedBefore = Run.Events.Count;
            Run.Play(Envelopes[Proof..(Proof + 1)]);
            UnsafeAtProof = [.. Run.Events.Skip(raisedBefore).Where(e => e.Type == NeedEventTypes.FoodUnsafe)];
            AtProof = States();
            Run.Play(Envelopes[(Proof + 1)..]);
        }

        internal Scenario Scenario { get; } = ScenarioLibrary.Shipped.Find("power-outage");

        internal List<SimulatedEnvelope> Envelopes { get; }

        internal int CutIndex { get; }

        /// <summary>The envelope with the fridge's first reading after the cut.</summary>
        internal int Proof { get; }

        internal ScenarioRun Run { get; } = new();

        internal Dictionary<string, ItemState> BeforeCut { get; }

        internal Dictionary<string, ItemState> AtProof { get; }

        internal List<NeedEvent> UnsafeBeforeProof { get; }

        internal List<NeedEvent> UnsafeAtProof { get; }

        private Dictionary<string, ItemState> States() => Run.Twin.Inventory.ToDictionary(
            i => i.ItemId, i => new ItemState(i.AddedAt, i.EstimatedBestBefore, i.Exposure?.Total.LifeUsed ?? TimeSpan.Zero, i.UnsafeReason));
    }
}
