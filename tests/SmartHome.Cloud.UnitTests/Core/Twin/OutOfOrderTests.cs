using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Twin;

public class OutOfOrderTests
{
    private readonly FakeTimeProvider _time = new(Start.AddHours(1));

    [Fact]
    public void Apply_OlderTemperatureAfterNewer_KeepsNewerReadingButAddsOlderToHistory()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Temperature(Start.AddMinutes(30), 4)));
        sut.Apply(twin, Envelope(Temperature(Start, 9)));

        var compartment = twin.Appliances[0].FindCompartment("fridge")!;
        Assert.Equal((4.0, Start.AddMinutes(30)), (compartment.Celsius, compartment.At));
        Assert.Equal([Start, Start.AddMinutes(30)], compartment.History.Select(s => s.At));
    }

    [Fact]
    public void Apply_RecordsOutOfOrderInOneEnvelope_AppliesThemInEventTime()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Temperature(Start.AddMinutes(5), 4), Temperature(Start, 3)));

        Assert.Equal(4, twin.Appliances[0].FindCompartment("fridge")!.Celsius);
    }

    [Fact]
    public void Apply_OlderDoorRecordAfterNewer_KeepsNewerState()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Door(Start.AddMinutes(2), DoorState.Closed)));
        sut.Apply(twin, Envelope(Door(Start, DoorState.Open)));

        var door = twin.Appliances[0].Doors[0];
        Assert.Equal((DoorState.Closed, Start.AddMinutes(2)), (door.State, door.Since));
    }

    [Fact]
    public void Apply_OlderOfflineStatusAfterNewerOnline_KeepsOnlineAndRaisesNothing()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Status(Start.AddMinutes(2), OnlineState.Online)));
        var raised = sut.Apply(twin, Envelope(Status(Start, OnlineState.Offline)));

        Assert.Equal(OnlineState.Online, twin.Appliances[0].State);
        Assert.DoesNotContain(raised, e => e.Type == NeedEventTypes.ApplianceOffline);
    }

    [Fact]
    public void Apply_LateAddedOlderThanRemoval_DoesNotBringItemBack()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start), Inventory(InventoryOp.Removed, "milk-1", Start.AddMinutes(10))));

        sut.Apply(twin, Envelope(Added("milk-1", Start.AddMinutes(5))));

        Assert.Empty(twin.Inventory);
    }

    [Fact]
    public void Apply_AddedAgainAfterRemoval_IsANewItem()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start), Inventory(InventoryOp.Removed, "milk-1", Start.AddMinutes(10))));

        sut.Apply(twin, Envelope(Added("milk-1", Start.AddMinutes(20))));

        Assert.Equal(Start.AddMinutes(20), Assert.Single(twin.Inventory).AddedAt);
        Assert.Empty(twin.RecentlyGone);
    }

    [Fact]
    public void Apply_LateMoveOlderThanLastMove_KeepsNewerLocationAndTakesItsPlaceInTheStory()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start), Inventory(InventoryOp.Moved, "milk-1", Start.AddMinutes(20), location: StorageLocation.Pantry)));

        sut.Apply(twin, Envelope(Inventory(InventoryOp.Moved, "milk-1", Start.AddMinutes(10), location: StorageLocation.Freezer)));

        var item = twin.Inventory[0];
        Assert.Equal((StorageLocation.Pantry, Start.AddMinutes(20)), (item.Location, item.LocationSince));
        Assert.Equal((Start.AddMinutes(10), Start.AddMinutes(20)), (item.FrozenAt, item.ThawedAt));
    }

    [Fact]
    public void Apply_YesterdaysOutboxReplayAfterTodaysLiveData_LandsWhereItBelongs()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        var yesterday = Start.AddDays(-1);
        sut.Apply(twin, Envelope(
            Temperature(Start.AddMinutes(-30), 4),
            Door(Start.AddHours(-2), DoorState.Closed),
            Inventory(InventoryOp.Moved, "milk-1", Start.AddHours(-1), location: StorageLocation.Fridge),
            Inventory(InventoryOp.Consumed, "milk-1", Start.AddMinutes(-20), quantity: 0.25)));

        sut.Apply(twin, Envelope(
            Added("milk-1", yesterday.AddHours(-2), location: StorageLocation.Fridge, quantity: 1),
            Inventory(InventoryOp.Consumed, "milk-1", yesterday.AddHours(2), quantity: 0.25),
            Inventory(InventoryOp.Moved, "milk-1", yesterday.AddHours(8), location: StorageLocation.Freezer),
            Temperature(yesterday.AddHours(10), 9),
            Door(yesterday.AddHours(10), DoorState.Open)));

        var item = Assert.Single(twin.Inventory);
        Assert.Equal((StorageLocation.Fridge, Start.AddHours(-1), 0.5), (item.Location, item.LocationSince, item.Quantity));
        Assert.Equal((yesterday.AddHours(8), Start.AddHours(-1)), (item.FrozenAt, item.ThawedAt));
        Assert.Empty(twin.EarlyInventory);
        var appliance = twin.Appliances[0];
        Assert.Equal((DoorState.Closed, Start.AddHours(-2)), (appliance.Doors[0].State, appliance.Doors[0].Since));
        var fridge = appliance.FindCompartment("fridge")!;
        Assert.Equal((4.0, Start.AddMinutes(-30)), (fridge.Celsius, fridge.At));
        Assert.Contains(fridge.History, s => s.At == yesterday.AddHours(10) && s.MaxCelsius == 9);
    }

    [Fact]
    public void Apply_ABacklogPartWayThrough_LeavesTheTimeDrivenRulesToItsLastEnvelope()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        var yesterday = Start.AddDays(-1);
        var yesterdaysDate = DateOnly.FromDateTime(yesterday.UtcDateTime);
        sut.Apply(twin, Envelope(Temperature(Start, 4)) with { Seq = 10 });

        // Yesterday from the outbox, seqs 8 and 9: two items dated yesterday, and the milk eaten later that day.
        var partWay = sut.Apply(twin, Envelope(
            Added("milk-1", yesterday, bestBefore: yesterdaysDate, quantity: 1),
            Added("yoghurt-1", yesterday, name: "Yoghurt", bestBefore: yesterdaysDate)) with { Seq = 8 });
        var atItsEnd = sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-1", yesterday.AddHours(3), quantity: 1)) with { Seq = 9 });

        Assert.Empty(partWay);
        var expired = Assert.Single(atItsEnd, e => e.Type == NeedEventTypes.FoodExpired);
        Assert.Equal(("items/yoghurt-1", Start.Date), (expired.Subject, expired.Time.UtcDateTime));
    }

    [Fact]
    public void Apply_UseOlderThanARestockArrivingLate_IsAlreadyCountedInTheRestock()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start, quantity: 1), Added("milk-1", Start.AddMinutes(20), quantity: 2)));

        sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-1", Start.AddMinutes(10), quantity: 0.5)));

        Assert.Equal(2, Assert.Single(twin.Inventory).Quantity);
    }

    [Fact]
    public void Apply_OlderUseArrivingLast_RunsOutAtTheNewestUse()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start, quantity: 1), Inventory(InventoryOp.Consumed, "milk-1", Start.AddMinutes(20), quantity: 0.5)));

        sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-1", Start.AddMinutes(10), quantity: 0.5)));

        Assert.Empty(twin.Inventory);
        Assert.Equal(Start.AddMinutes(20), Assert.Single(twin.RecentlyGone).At);
    }

    [Fact]
    public void Apply_OperationBeforeItsItemsAdded_WaitsForItAndAnOlderOneIsDropped()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Inventory(InventoryOp.Opened, "milk-1", Start.AddMinutes(30)), Inventory(InventoryOp.Consumed, "milk-1", Start.AddMinutes(-5), quantity: 1)));
        Assert.Equal(2, twin.EarlyInventory.Count);

        sut.Apply(twin, Envelope(Added("milk-1", Start, quantity: 1)));

        var item = Assert.Single(twin.Inventory);
        Assert.Equal((Start.AddMinutes(30), 1.0), (item.OpenedAt, item.Quantity));
        Assert.Empty(twin.EarlyInventory);
    }

    [Fact]
    public void Apply_LateOpenedRecord_KeepsEarliestOpening()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start), Inventory(InventoryOp.Opened, "milk-1", Start.AddMinutes(30))));

        sut.Apply(twin, Envelope(Inventory(InventoryOp.Opened, "milk-1", Start.AddMinutes(10))));

        Assert.Equal(Start.AddMinutes(10), twin.Inventory[0].OpenedAt);
    }

    [Fact]
    public void Apply_LateRecordOlderThanTheItem_IsIgnored()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start.AddMinutes(30))));

        sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-1", Start, quantity: 1)));

        Assert.Equal(1, Assert.Single(twin.Inventory).Quantity);
    }
}
