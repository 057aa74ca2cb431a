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
    public void Apply_LateMoveOlderThanLastMove_KeepsNewerLocation()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start), Inventory(InventoryOp.Moved, "milk-1", Start.AddMinutes(20), location: StorageLocation.Pantry)));

        sut.Apply(twin, Envelope(Inventory(InventoryOp.Moved, "milk-1", Start.AddMinutes(10), location: StorageLocation.Freezer)));

        Assert.Equal(StorageLocation.Pantry, twin.Inventory[0].Location);
        Assert.Null(twin.Inventory[0].FrozenAt);
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
