using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using static SmartHome.Cloud.UnitTests.Core.ShelfLife.TemperatureAwareExpiryTests;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.ShelfLife;

/// <summary>What an item's exposure carries across the pruned part of its compartment's history, and for which items the food's temperature is followed.</summary>
public class ItemExposureTests
{
    private readonly FakeTimeProvider _time = new(Start.AddDays(1));

    /// <summary>
    /// Milk in a fridge at 3 °C from 10:00; the air at 20 °C from 12:00 to 13:20, then at 0 °C. With a one-hour lag the
    /// milk passes 5 °C at 12:07.5 and reaches 15.5 °C at 13:20 (72.5 min above), then cools below 5 °C only at
    /// 14:28 (68 min more): over two hours in total, passed at 14:07.5. The history keeps one hour, so by the newest
    /// reading at 14:40 the warm spell and the start of the cooling are settled, up to 13:40, while the milk is still
    /// warm (11.1 °C): only the carried food temperature keeps the cooling's time above counting; started afresh at the
    /// air's 0 °C it would total 92.5 min.
    /// </summary>
    [Fact]
    public void Apply_WarmSpellPrunedWhileTheFoodIsStillWarm_CarriesTheFoodTemperatureAndTurnsUnsafe()
    {
        var sut = Engine(_time, new CoreOptions { HistoryRetention = TimeSpan.FromHours(1) });
        var twin = NewTwin();
        var cooling = Start.AddHours(3).AddMinutes(20);

        sut.Apply(twin, Envelope([
            Added("milk-1", Start, bestBefore: Today.AddDays(7)),
            .. Readings(Start, TimeSpan.FromHours(2), 3),
            .. Readings(Start.AddHours(2), TimeSpan.FromMinutes(80), 20),
            .. Readings(cooling, TimeSpan.FromMinutes(10), 0)]));
        var raised = sut.Apply(twin, Envelope([.. Readings(cooling.AddMinutes(10), TimeSpan.FromMinutes(75), 0)]));

        var exposure = twin.Inventory[0].Exposure!;
        Assert.Equal(cooling.AddMinutes(20), twin.Appliances[0].Compartments[0].History[0].At);
        Assert.Equal(cooling.AddMinutes(20), exposure.SettledUntil);
        Assert.InRange(exposure.SettledFoodCelsius!.Value, 10.9, 11.3);
        var unsafeEvent = Assert.Single(raised);
        Assert.InRange(unsafeEvent.Time, cooling.AddMinutes(46), cooling.AddMinutes(49));
        Assert.InRange(exposure.Total.AboveUnsafe, TimeSpan.FromMinutes(138), TimeSpan.FromMinutes(143));
    }

    [Fact]
    public void Apply_NonPerishableKeptWarm_UsesLifeButItsFoodTemperatureIsNotFollowed()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        sut.Apply(twin, Envelope([
            Added("milk-1", Start, bestBefore: Today.AddDays(7)),
            Added("ketchup-1", Start, name: "Ketchup", category: "condiments"),
            .. Readings(Start, TimeSpan.FromHours(3), 9)]));

        var (milk, ketchup) = (twin.FindItem("milk-1")!.Exposure!.Total, twin.FindItem("ketchup-1")!.Exposure!.Total);
        Assert.Equal(TimeSpan.FromHours(3), milk.AboveUnsafe);
        Assert.Equal(Start.AddHours(2), milk.UnsafeFrom);
        Assert.Equal((TimeSpan.Zero, (DateTimeOffset?)null), (ketchup.AboveUnsafe, ketchup.UnsafeFrom));
        Assert.Equal((milk.LifeUsed, milk.Warm, milk.PeakCelsius), (ketchup.LifeUsed, ketchup.Warm, ketchup.PeakCelsius));
        Assert.Null(twin.FindItem("ketchup-1")!.UnsafeReason);
    }

    /// <summary>Frozen perishables are followed too: a freezer that thaws above the line for over two hours makes them unsafe.</summary>
    [Fact]
    public void Apply_PerishableInAFreezerThawingFor3Hours_IsFollowedAndTurnsUnsafe()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        var raised = sut.Apply(twin, Envelope([
            Added("fish-1", Start, name: "Cod", category: "fish", location: StorageLocation.Freezer),
            .. Readings(Start, TimeSpan.FromHours(1), -18, "freezer"),
            .. Readings(Start.AddHours(1), TimeSpan.FromHours(3), 9, "freezer")]));

        Assert.Equal(Start.AddHours(3), Assert.Single(raised, e => e.Type == NeedEventTypes.FoodUnsafe).Time);
        Assert.Equal(TimeSpan.FromHours(3), twin.Inventory[0].Exposure!.Total.AboveUnsafe);
    }

    /// <summary>The part of a stay that leaves the history is settled with the food's temperature whatever the category, so a correction still counts it.</summary>
    [Fact]
    public void Apply_CategoryCorrectedToPerishableAfterTheWarmSpellLeftTheHistory_IsUnsafeFromTheWarmSpell()
    {
        var sut = Engine(_time, new CoreOptions { UnsafeAboveCelsius = 4, UnsafeFoodLag = TimeSpan.Zero, HistoryRetention = TimeSpan.FromHours(1) });
        var twin = NewTwin();
        var corrected = Start.AddHours(6);
        sut.Apply(twin, Envelope([
            Added("curry-1", Start, name: "Curry", category: "sauces"),
            .. Readings(Start, TimeSpan.FromHours(3), 9),
            .. Readings(Start.AddHours(3), TimeSpan.FromHours(3), 3)]));
        Assert.True(twin.Appliances[0].Compartments[0].History[0].At > Start.AddHours(3), "the warm spell left the history");

        var raised = sut.Apply(twin, Envelope([Added("curry-1", corrected, name: "Curry", category: "leftovers"), Temperature(corrected, 3)]));

        var unsafeEvent = Assert.Single(raised);
        Assert.Equal(Start.AddHours(2), unsafeEvent.Time);
        Assert.Equal("kept above 4 °C for 3 h in total, up to 9 °C", twin.Inventory[0].UnsafeReason);
    }

    /// <summary>Items added together share one integration of their compartment's curve; each still gets what it would alone.</summary>
    [Fact]
    public void Apply_ItemsSharingAStay_EachGetTheExposureOfAnItemAlone()
    {
        var records = Readings(Start, TimeSpan.FromHours(6), 4).Concat(Readings(Start.AddHours(6), TimeSpan.FromHours(3), 11)).ToList();
        var alone = NewTwin();
        Engine(_time).Apply(alone, Envelope([Added("milk-1", Start), .. records]));
        var together = NewTwin();

        Engine(_time).Apply(together, Envelope([Added("milk-1", Start), Added("milk-2", Start), Added("milk-3", Start.AddHours(1)), .. records]));

        var expected = alone.Inventory[0].Exposure!.Total;
        Assert.Equal(expected, together.FindItem("milk-1")!.Exposure!.Total);
        Assert.Equal(expected, together.FindItem("milk-2")!.Exposure!.Total);
        Assert.Equal(expected.LifeUsed, together.FindItem("milk-3")!.Exposure!.Total.LifeUsed);
        Assert.NotNull(expected.UnsafeFrom);
    }
}
