using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Rules;

public class FoodExpiringRuleTests
{
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Evaluate_BestBeforeBeyondTheWindow_RaisesNothing()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(5))));

        Assert.Empty(sut.Evaluate(twin, Start.AddHours(1)));
    }

    [Fact]
    public void Evaluate_ClockMovesThroughTheDays_RaisesOnceWhenTheWindowOpens()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(5))));

        var raised = new List<(DateTimeOffset Now, NeedEvent Event)>();
        for (var hour = 1; hour <= 24 * 5; hour++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            raised.AddRange(sut.Evaluate(twin, _time.GetUtcNow()).Select(e => (_time.GetUtcNow(), e)));
        }

        var (now, expiring) = Assert.Single(raised, r => r.Event.Type == NeedEventTypes.FoodExpiring);
        var windowOpens = new DateTimeOffset(Today.AddDays(3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Assert.Equal(windowOpens, now);
        Assert.Equal(windowOpens, expiring.Time);
        Assert.Equal("items/milk-1", expiring.Subject);
        Assert.Equal(HouseholdId, expiring.HouseholdId);
    }

    [Fact]
    public void Apply_ExpiringItem_DataDescribesTheItem()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        var expiring = Assert.Single(sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(2)))));

        var data = expiring.Data.Deserialize(ContractsJsonContext.Default.FoodEventData)!;
        Assert.Equal(("milk-1", "Milk", "dairy", StorageLocation.Fridge), (data.ItemId, data.Name, data.Category, data.Location!.Value));
        Assert.Equal((Today.AddDays(2), Today.AddDays(2), false), (data.BestBefore, data.LabelBestBefore!.Value, data.Estimated));
    }

    [Fact]
    public void Apply_ItemAddedInsideTheWindow_RaisesAtOnce()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        var raised = sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(1))));

        var expiring = Assert.Single(raised);
        Assert.Equal(NeedEventTypes.FoodExpiring, expiring.Type);
        Assert.Equal(Start, expiring.Time);
    }

    [Fact]
    public void Evaluate_CalledAgainAndAgain_RaisesOnce()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        var first = sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(1))));

        var again = Enumerable.Range(1, 10).SelectMany(minute => sut.Evaluate(twin, Start.AddMinutes(minute)));

        Assert.Single(first);
        Assert.Empty(again);
    }

    [Fact]
    public void Apply_ItemAlreadyPastItsDate_RaisesExpiredNotExpiring()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        var raised = sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(-1))));

        Assert.Equal([NeedEventTypes.FoodExpired], raised.Select(e => e.Type));
    }

    [Fact]
    public void Apply_AlreadyExpiringItemOpened_RaisesAgainForTheEarlierDate()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        var first = Assert.Single(sut.Apply(twin, Envelope(Added("kefir-1", Start, name: "Kefir", bestBefore: Today.AddDays(2)))));
        _time.Advance(TimeSpan.FromHours(1));

        var second = Assert.Single(sut.Apply(twin, Envelope(Inventory(InventoryOp.Opened, "kefir-1", Start.AddHours(1)))));

        Assert.Equal(NeedEventTypes.FoodExpiring, second.Type);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(Today.AddDays(1), twin.Inventory[0].EstimatedBestBefore);
    }

    [Fact]
    public void Apply_OpenedItemMustBeUsedSooner_RaisesExpiringForTheEarlierDate()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("kefir-1", Start, name: "Kefir", bestBefore: Today.AddDays(20))));
        _time.Advance(TimeSpan.FromHours(1));

        var raised = sut.Apply(twin, Envelope(Inventory(InventoryOp.Opened, "kefir-1", Start.AddHours(1))));

        var expiring = Assert.Single(raised);
        Assert.Equal(Today.AddDays(1), expiring.Data.Deserialize(ContractsJsonContext.Default.FoodEventData)!.BestBefore);
        Assert.Equal(Start.AddHours(1), expiring.Time);
    }

    [Fact]
    public void Apply_OpenedWithoutBringingTheDateForward_KeepsTheTimeTheDateCameFrom()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        _time.Advance(TimeSpan.FromHours(1));

        // Known together, as when yesterday's outbox arrives after the opening: the label, not the opening, set the date.
        var raised = sut.Apply(twin, Envelope(
            Added("milk-1", Start, bestBefore: Today.AddDays(1)),
            Inventory(InventoryOp.Opened, "milk-1", Start.AddMinutes(30))));

        var expiring = Assert.Single(raised);
        Assert.Equal((Today.AddDays(1), Start), (twin.Inventory[0].EstimatedBestBefore, expiring.Time));
    }

    [Fact]
    public void Evaluate_WarningWindowOfZero_RaisesOnTheDayItself()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        twin.Settings.WarningWindowDays = 0;
        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(1))));

        Assert.Empty(sut.Evaluate(twin, Start.AddHours(13)));
        Assert.Single(sut.Evaluate(twin, Start.AddHours(14)));
    }

    [Fact]
    public void Evaluate_HouseholdTimeZone_WindowOpensAtLocalMidnight()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        twin.Settings.TimeZone = "Pacific/Auckland";
        Assert.NotEqual(TimeZoneInfo.Utc, twin.Settings.ResolveTimeZone());
        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(4))));

        // Start is 23:00 on 23 November in Auckland (UTC+13); the window opens at local midnight of the 25th.
        var localMidnight = new DateTimeOffset(Today.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(13));
        Assert.Empty(sut.Evaluate(twin, localMidnight.AddMinutes(-1)));
        Assert.Equal(localMidnight, Assert.Single(sut.Evaluate(twin, localMidnight)).Time);
    }

    [Fact]
    public void Evaluate_UnknownTimeZone_FallsBackToUtc()
    {
        var twin = NewTwin();
        twin.Settings.TimeZone = "Not/AZone";

        Assert.Equal(TimeZoneInfo.Utc, twin.Settings.ResolveTimeZone());
    }

    [Fact]
    public void Evaluate_ItemWithoutAnyBestBefore_RaisesNothing()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("thing-1", Start, name: "Mystery box", category: null)));

        Assert.Empty(sut.Evaluate(twin, Start.AddDays(400)));
    }

    [Fact]
    public void Evaluate_CustomWindow_ComesFromTheTwin()
    {
        var sut = Engine(_time, new CoreOptions());
        var twin = NewTwin();
        twin.Settings.WarningWindowDays = 4;

        var raised = sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(4))));

        Assert.Single(raised);
    }
}
