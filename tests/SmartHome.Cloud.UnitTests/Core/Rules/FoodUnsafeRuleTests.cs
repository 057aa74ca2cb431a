using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using static SmartHome.Cloud.UnitTests.Core.ShelfLife.TemperatureAwareExpiryTests;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Rules;

public class FoodUnsafeRuleTests
{
    private readonly FakeTimeProvider _time = new(Start.AddDays(1));

    [Fact]
    public void Apply_1Hour50MinutesAbove4_IsNotUnsafe()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        var raised = sut.Apply(twin, Envelope([
            Added("chicken-1", Start, name: "Chicken", category: "poultry"),
            .. Readings(Start, TimeSpan.FromHours(1), 3),
            .. Readings(Start.AddHours(1), TimeSpan.FromMinutes(110), 6),
            .. Readings(Start.AddHours(1).AddMinutes(110), TimeSpan.FromHours(1), 3)]));

        Assert.DoesNotContain(raised, IsUnsafe);
        Assert.Null(twin.Inventory[0].UnsafeReason);
    }

    [Fact]
    public void Apply_2Hours10MinutesAbove4InTwoSpells_RaisesUnsafeOnceWithTheReason()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();
        var secondSpellEnds = Start.AddHours(4).AddMinutes(65);

        var first = sut.Apply(twin, Envelope([
            Added("milk-1", Start, bestBefore: Today.AddDays(7)),
            .. Readings(Start, TimeSpan.FromHours(1), 3),
            .. Readings(Start.AddHours(1), TimeSpan.FromMinutes(65), 7.5),
            .. Readings(Start.AddHours(1).AddMinutes(65), TimeSpan.FromMinutes(175), 3)]));
        var second = sut.Apply(twin, Envelope([.. Readings(Start.AddHours(4), TimeSpan.FromMinutes(65), 6)]));
        var later = sut.Apply(twin, Envelope([.. Readings(secondSpellEnds, TimeSpan.FromHours(2), 8)]));

        Assert.DoesNotContain(first, IsUnsafe);
        var unsafeEvent = Assert.Single(second, IsUnsafe);
        Assert.DoesNotContain(later, IsUnsafe);
        var data = unsafeEvent.Data.Deserialize(ContractsJsonContext.Default.FoodEventData)!;
        // 65 min in the first spell, so the total passes 2 h after 55 min of the second.
        Assert.Equal(("items/milk-1", Start.AddHours(4).AddMinutes(55)), (unsafeEvent.Subject, unsafeEvent.Time));
        Assert.Equal("kept above 4 °C for 2 h 10 min in total, up to 7.5 °C", data.Reason);
        Assert.Equal(data.Reason, twin.Inventory[0].UnsafeReason);
    }

    [Fact]
    public void Apply_FrozenItemWhileTheFridgeRunsWarm_IsNotUnsafe()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        var raised = sut.Apply(twin, Envelope([
            Added("fish-1", Start, name: "Cod", category: "fish", location: StorageLocation.Freezer),
            .. Readings(Start, TimeSpan.FromHours(3), -18, "freezer"),
            .. Readings(Start, TimeSpan.FromHours(3), 9)]));

        Assert.DoesNotContain(raised, IsUnsafe);
    }

    [Fact]
    public void Apply_NonPerishableKeptWarm_IsNotUnsafe()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        var raised = sut.Apply(twin, Envelope([
            Added("ketchup-1", Start, name: "Ketchup", category: "condiments"),
            .. Readings(Start, TimeSpan.FromHours(3), 9)]));

        Assert.DoesNotContain(raised, IsUnsafe);
    }

    [Fact]
    public void Apply_SuspectProbeReadingsFor3Hours_AreIgnored()
    {
        var sut = Engine(_time, OnTheAirAt4);
        var twin = NewTwin();

        var raised = sut.Apply(twin, Envelope([
            Added("milk-1", Start, bestBefore: Today.AddDays(7)),
            .. Readings(Start, TimeSpan.FromHours(3), 3),
            .. Readings(Start.AddMinutes(1), TimeSpan.FromHours(3), 85, quality: RecordQuality.Suspect)]));

        Assert.DoesNotContain(raised, IsUnsafe);
    }

    [Fact]
    public void Apply_ThresholdsFromOptions_AreUsed()
    {
        var sut = Engine(_time, new CoreOptions { UnsafeAboveCelsius = 8, UnsafeAfter = TimeSpan.FromMinutes(30), UnsafeFoodLag = TimeSpan.Zero });
        var twin = NewTwin();

        var raised = sut.Apply(twin, Envelope([
            Added("milk-1", Start, bestBefore: Today.AddDays(7)),
            .. Readings(Start, TimeSpan.FromHours(3), 7.9),
            .. Readings(Start.AddHours(3), TimeSpan.FromMinutes(35), 9)]));

        Assert.Single(raised, IsUnsafe);
        Assert.Equal("kept above 8 °C for 35 min in total, up to 9 °C", twin.Inventory[0].UnsafeReason);
    }

    private static bool IsUnsafe(NeedEvent e) => e.Type == NeedEventTypes.FoodUnsafe;

    [Fact]
    public void Apply_CompressorCyclesAndDoorSpikesForThreeDays_AreNotUnsafeByDefaultThoughTheAirIsAbove5ForHours()
    {
        var records = new List<TelemetryRecord> { Added("milk-1", Start, bestBefore: Today.AddDays(7)) };
        for (var minute = 0; minute < 3 * 24 * 60; minute++)
        {
            // A saw-tooth between 3 and 5 °C every 40 minutes, and the door open for a minute ten times a day.
            var cycle = minute % 40;
            var air = cycle < 20 ? 3 + (cycle / 10.0) : 5 - ((cycle - 20) / 10.0);
            records.Add(Temperature(Start.AddMinutes(minute), minute % 144 == 0 ? 9 : air));
        }

        var afterThreeDays = new FakeTimeProvider(Start.AddDays(3));
        var byDefault = NewTwin();
        Engine(afterThreeDays).Apply(byDefault, Envelope([.. records]));
        var onTheAir = NewTwin();
        Engine(afterThreeDays, new CoreOptions { UnsafeFoodLag = TimeSpan.Zero }).Apply(onTheAir, Envelope([.. records]));

        Assert.Null(byDefault.Inventory[0].UnsafeReason);
        Assert.True(onTheAir.Inventory[0].Exposure!.Total.AboveUnsafe > TimeSpan.FromHours(2), $"air above 5 °C for {onTheAir.Inventory[0].Exposure!.Total.AboveUnsafe}");
        Assert.NotNull(onTheAir.Inventory[0].UnsafeReason);
    }

    [Fact]
    public void Apply_PowerCutDriftingTo9_IsUnsafeByDefaultOnceTheFoodHasBeenAbove5ForTwoHours()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        var raised = sut.Apply(twin, Envelope([
            Added("milk-1", Start, bestBefore: Today.AddDays(7)),
            .. Readings(Start, TimeSpan.FromHours(2), 4),
            Temperature(Start.AddHours(10), 9),
            .. Readings(Start.AddHours(10).AddMinutes(5), TimeSpan.FromHours(6), 4)]));

        var unsafeEvent = Assert.Single(raised, IsUnsafe);
        // The air, bridged from 4 °C at 2:00 to 9 °C at 10:00, passes 5 °C at 3:36 and has been above it for two hours at
        // 5:36; the food, behind the air, passes 5 °C later and has its two hours later too.
        Assert.InRange(unsafeEvent.Time, Start.AddHours(5.6).AddMinutes(1), Start.AddHours(10));
        Assert.StartsWith("kept above 5 °C for ", twin.Inventory[0].UnsafeReason, StringComparison.Ordinal);
    }
}
