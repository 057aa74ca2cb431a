using SmartHome.Cloud.Core;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.ShelfLife;

/// <summary>The worked examples of docs/shelf-life.md, "Temperature-aware expiry": milk labelled best before 30 Nov, added 23 Nov 10:00.</summary>
public class TemperatureAwareExpiryTests
{
    /// <summary>The unsafe rule on the air itself, against USDA's 4 °C line, as the worked examples count it.</summary>
    internal static readonly CoreOptions OnTheAirAt4 = new() { UnsafeAboveCelsius = 4, UnsafeFoodLag = TimeSpan.Zero };

    private static readonly DateOnly Label = Today.AddDays(7);
    private readonly FakeTimeProvider _time = new(Start.AddDays(4));

    [Fact]
    public void Apply_FridgeAt4_LabelDateUnchanged()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        sut.Apply(twin, Envelope([Milk(), .. Readings(Start, TimeSpan.FromDays(1), 4)]));

        var item = twin.Inventory[0];
        Assert.Equal((Label, false, null), (item.EstimatedBestBefore!.Value, item.Estimated, item.EstimateReason));
        Assert.Equal(TimeSpan.Zero, item.Exposure!.Total.LifeUsed);
    }

    [Fact]
    public void Apply_8HoursAt10_Uses8HoursOfLifeAndKeepsTheDate()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        sut.Apply(twin, Envelope([
            Milk(),
            .. Readings(Start, TimeSpan.FromHours(2), 4),
            .. Readings(Start.AddHours(2), TimeSpan.FromHours(8), 10),
            .. Readings(Start.AddHours(10), TimeSpan.FromHours(2), 4)]));

        var item = twin.Inventory[0];
        Assert.Equal(8.327, item.Exposure!.Total.LifeUsed.TotalHours, 3);
        Assert.Equal((Label, false), (item.EstimatedBestBefore!.Value, item.Estimated));
        Assert.Equal("kept warm: about 8 hours of life used up by 8 h above 4 °C on Mon 23 Nov, up to 10 °C", item.EstimateReason);
    }

    [Fact]
    public void Apply_8HoursAt10InAuckland_NamesTheHouseholdsDayOfTheWarmth()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();
        twin.Settings.TimeZone = "Pacific/Auckland";

        // 12:00 to 20:00 UTC on Monday is 01:00 to 09:00 on Tuesday in Auckland.
        sut.Apply(twin, Envelope([
            Milk(),
            .. Readings(Start, TimeSpan.FromHours(2), 4),
            .. Readings(Start.AddHours(2), TimeSpan.FromHours(8), 10),
            .. Readings(Start.AddHours(10), TimeSpan.FromHours(2), 4)]));

        Assert.Equal("kept warm: about 8 hours of life used up by 8 h above 4 °C on Tue 24 Nov, up to 10 °C", twin.Inventory[0].EstimateReason);
    }

    [Fact]
    public void Apply_24HoursAt10_MovesTheDateADayEarlier()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        sut.Apply(twin, Envelope([Milk(), .. Readings(Start, TimeSpan.FromHours(24), 10), .. Readings(Start.AddHours(24), TimeSpan.FromHours(1), 4)]));

        var item = twin.Inventory[0];
        Assert.Equal(24.980, item.Exposure!.Total.LifeUsed.TotalHours, 3);
        Assert.Equal((Label.AddDays(-1), true), (item.EstimatedBestBefore!.Value, item.Estimated));
        Assert.Equal("kept warm: about 25 hours of life used up by 24 h above 4 °C between Mon 23 Nov and Tue 24 Nov, up to 10 °C", item.EstimateReason);
    }

    [Fact]
    public void Apply_24HoursAt10_ShelfStableKetchupKeepsItsDateButApplesInTheFridgeDoNot()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        sut.Apply(twin, Envelope([
            Added("ketchup-1", Start, name: "Ketchup", category: "condiments", bestBefore: Label),
            Added("apples-1", Start, name: "Apples", category: "fruit", bestBefore: Label),
            .. Readings(Start, TimeSpan.FromHours(24), 10),
            .. Readings(Start.AddHours(24), TimeSpan.FromHours(1), 4)]));

        var ketchup = twin.Inventory.Single(i => i.ItemId == "ketchup-1");
        var apples = twin.Inventory.Single(i => i.ItemId == "apples-1");
        Assert.Equal((Label, false), (ketchup.EstimatedBestBefore!.Value, ketchup.Estimated));
        Assert.Equal((Label.AddDays(-1), true), (apples.EstimatedBestBefore!.Value, apples.Estimated));
    }

    [Fact]
    public void Apply_PowerCutOf8HoursWithNoReadings_BridgesTheGapFrom4To9()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        sut.Apply(twin, Envelope([
            Milk(),
            .. Readings(Start, TimeSpan.FromHours(2), 4),
            Temperature(Start.AddHours(10), 9),
            .. Readings(Start.AddHours(10).AddMinutes(5), TimeSpan.FromHours(1), 4)]));

        var item = twin.Inventory[0];
        Assert.Equal(3.267, item.Exposure!.Total.LifeUsed.TotalHours, 3);
        Assert.Equal(Label, item.EstimatedBestBefore);
        Assert.Equal("kept warm: about 3 hours of life used up by 8 h 5 min above 4 °C on Mon 23 Nov, up to 9 °C", item.EstimateReason);
        Assert.Equal("kept above 4 °C for 8 h 5 min in total, up to 9 °C", item.UnsafeReason);
        Assert.Equal(Start.AddHours(4), item.Exposure.Total.UnsafeFrom);
    }

    [Fact]
    public void Apply_2DaysAt12InAStayLongerThanTheHistory_SettlesWhatLeavesTheHistoryAndMoves3Days()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        sut.Apply(twin, Envelope([Milk(), .. Readings(Start, TimeSpan.FromDays(1), 4)]));
        sut.Apply(twin, Envelope([.. Readings(Start.AddDays(1), TimeSpan.FromDays(1), 12)]));
        sut.Apply(twin, Envelope([.. Readings(Start.AddDays(2), TimeSpan.FromDays(1), 12)]));
        sut.Apply(twin, Envelope([.. Readings(Start.AddDays(3), TimeSpan.FromDays(1), 4)]));

        var item = twin.Inventory[0];
        Assert.True(twin.Appliances[0].Compartments[0].History[0].At > Start.AddDays(1), "the warm days left the history");
        Assert.Equal(70.531, item.Exposure!.Total.LifeUsed.TotalHours, 3);
        Assert.Equal(Label.AddDays(-3), item.EstimatedBestBefore);
        Assert.Equal("kept warm: about 2.9 days of life used up by 48 h above 4 °C between Tue 24 Nov and Thu 26 Nov, up to 12 °C", item.EstimateReason);
        Assert.Equal(Start.AddDays(1).AddHours(2), item.Exposure.Total.UnsafeFrom);
    }

    [Fact]
    public void Apply_ColderThanReference_NeverMovesTheDateLater()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        sut.Apply(twin, Envelope([Milk(), .. Readings(Start, TimeSpan.FromDays(2), 0)]));

        Assert.Equal((Label, null), (twin.Inventory[0].EstimatedBestBefore!.Value, twin.Inventory[0].EstimateReason));
    }

    [Fact]
    public void Apply_FrozenItemInAFreezerWithinItsRange_UsesNoLife()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        sut.Apply(twin, Envelope([
            Added("peas-1", Start, name: "Peas", category: "frozen", location: StorageLocation.Freezer),
            .. Readings(Start, TimeSpan.FromDays(1), -12, "freezer")]));

        Assert.Equal(TimeSpan.Zero, twin.Inventory[0].Exposure!.Total.LifeUsed);
    }

    [Fact]
    public void Apply_MovedIntoTheFreezer_StartsANewStay()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();
        var moved = Start.AddHours(24);

        sut.Apply(twin, Envelope([
            Milk(),
            .. Readings(Start, TimeSpan.FromHours(24), 10),
            .. Readings(Start, TimeSpan.FromHours(48), -18, "freezer"),
            Inventory(InventoryOp.Moved, "milk-1", moved, location: StorageLocation.Freezer)]));

        var exposure = twin.Inventory[0].Exposure!;
        Assert.Equal((moved, StorageLocation.Freezer, TimeSpan.Zero), (exposure.Since, exposure.Location, exposure.Total.LifeUsed));
    }

    [Fact]
    public void Apply_LateReadingsFillingAGap_ReplaceTheBridge()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();
        sut.Apply(twin, Envelope([Milk(), .. Readings(Start, TimeSpan.FromHours(2), 4), Temperature(Start.AddHours(10), 9)]));

        sut.Apply(twin, Envelope([.. Readings(Start.AddHours(2), TimeSpan.FromHours(8), 4)]));

        Assert.Equal(165.0 / 196 / 12, twin.Inventory[0].Exposure!.Total.LifeUsed.TotalHours, 6);
    }

    [Fact]
    public void Apply_SuspectReadings_UseNoLife()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        sut.Apply(twin, Envelope([
            Milk(),
            .. Readings(Start, TimeSpan.FromHours(4), 4),
            .. Readings(Start.AddMinutes(2), TimeSpan.FromHours(4), 85, quality: RecordQuality.Suspect)]));

        Assert.Equal(TimeSpan.Zero, twin.Inventory[0].Exposure!.Total.LifeUsed);
    }

    private static TelemetryRecord Milk() => Added("milk-1", Start, bestBefore: Label);

    internal static IEnumerable<TelemetryRecord> Readings(
        DateTimeOffset from, TimeSpan span, double celsius, string sensor = "fridge", RecordQuality quality = RecordQuality.Good) =>
        Enumerable.Range(0, (int)(span / TimeSpan.FromMinutes(5))).Select(i => Temperature(from.AddMinutes(5 * i), celsius, sensor, quality));
}
