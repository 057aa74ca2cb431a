using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Twin;

public class TwinApplyTests
{
    private readonly FakeTimeProvider _time = new(Start.AddHours(6));

    [Fact]
    public void Apply_TemperatureRecord_SetsLatestReadingOfItsCompartment()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Temperature(Start, 3.9), Temperature(Start, -18.5, sensor: "freezer")));

        var appliance = Assert.Single(twin.Appliances);
        Assert.Equal(ApplianceId, appliance.ApplianceId);
        Assert.Equal(GatewayId, appliance.GatewayId);
        var fridge = appliance.FindCompartment("fridge")!;
        Assert.Equal((3.9, Start), (fridge.Celsius, fridge.At));
        Assert.Equal(StorageLocation.Fridge, fridge.Kind);
        Assert.Equal(StorageLocation.Freezer, appliance.FindCompartment("freezer")!.Kind);
    }

    [Fact]
    public void Apply_AnyEnvelope_MarksGatewaySeenWithItsSeq()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        var envelope = Envelope(Temperature(Start, 3.9));

        sut.Apply(twin, envelope);

        var gateway = Assert.Single(twin.Gateways);
        Assert.Equal((GatewayId, _time.GetUtcNow(), envelope.Seq), (gateway.GatewayId, gateway.LastSeenAt!.Value, gateway.LastSeq!.Value));
        Assert.Equal(_time.GetUtcNow(), twin.UpdatedAt);
    }

    [Fact]
    public void Apply_BadQualityTemperature_IsIgnored()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Temperature(Start, 40, quality: RecordQuality.Bad)));

        Assert.Empty(twin.Appliances[0].Compartments);
    }

    [Fact]
    public void Apply_InvalidRecord_IsSkippedAndTheRestApplied()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        var noSensor = Temperature(Start, 3) with { Sensor = null };

        sut.Apply(twin, Envelope(noSensor, Temperature(Start, 4)));

        Assert.Equal(4, twin.Appliances[0].FindCompartment("fridge")!.Celsius);
    }

    [Fact]
    public void Apply_RecordStampedFarInTheFuture_IsTakenAsReceivedNow()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Temperature(Start.AddDays(30), 4)));

        Assert.Equal(_time.GetUtcNow(), twin.Appliances[0].FindCompartment("fridge")!.At);
    }

    [Fact]
    public void Apply_EnvelopeOfAnotherHousehold_Throws()
    {
        var sut = Engine(_time);
        var twin = new SmartHome.Cloud.Core.Twin.HouseholdTwin { HouseholdId = "someone-else" };

        Assert.Throws<ArgumentException>(() => sut.Apply(twin, Envelope(Temperature(Start, 4))));
    }

    [Fact]
    public void Apply_DoorOpenedThenReportedOpenAgain_KeepsFirstSince()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Door(Start, DoorState.Open), Door(Start.AddMinutes(1), DoorState.Open)));

        var door = Assert.Single(twin.Appliances[0].Doors);
        Assert.Equal(("main", DoorState.Open, Start), (door.Name, door.State, door.Since));
    }

    [Fact]
    public void Apply_DoorClosed_RecordsWhenItClosed()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Door(Start, DoorState.Open), Door(Start.AddMinutes(1), DoorState.Closed)));

        var door = twin.Appliances[0].Doors[0];
        Assert.Equal((DoorState.Closed, Start.AddMinutes(1)), (door.State, door.Since));
    }

    [Fact]
    public void Apply_StatusRecord_SetsOnlineStateAndFirmware()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Status(Start, OnlineState.Online, firmware: "1.2.0")));

        var appliance = twin.Appliances[0];
        Assert.Equal((OnlineState.Online, Start, "1.2.0"), (appliance.State!.Value, appliance.StateSince!.Value, appliance.Firmware));
    }

    [Fact]
    public void Apply_FaultRecord_RecordsTheSensorsLastFault()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        var fault = new TelemetryRecord { Appliance = ApplianceId, Kind = RecordKind.Fault, At = Start, Sensor = "fridge", Reason = "probe disconnected" };

        sut.Apply(twin, Envelope(fault));

        var compartment = twin.Appliances[0].FindCompartment("fridge")!;
        Assert.Equal(("probe disconnected", Start), (compartment.LastFault, compartment.LastFaultAt!.Value));
    }

    [Fact]
    public void Apply_Added_CreatesItemWithDefaults()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(7))));

        var item = Assert.Single(twin.Inventory);
        Assert.Equal(("milk-1", "Milk", "dairy", 1.0, "l"), (item.ItemId, item.Name, item.Category, item.Quantity, item.Unit));
        Assert.Equal((StorageLocation.Fridge, ApplianceId, Start), (item.Location, item.ApplianceId, item.AddedAt));
        Assert.Equal(Today.AddDays(7), item.BestBefore);
        Assert.Equal(Today.AddDays(7), item.EstimatedBestBefore);
        Assert.False(item.Estimated);
        Assert.Null(item.EstimateReason);
    }

    [Fact]
    public void Apply_AddedWithQuantityAndLocation_KeepsThem()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Added("peas-1", Start, name: "Peas", category: "vegetables", location: StorageLocation.Freezer, quantity: 0.75)));

        var item = twin.Inventory[0];
        Assert.Equal((0.75, StorageLocation.Freezer, Start), (item.Quantity, item.Location, item.FrozenAt!.Value));
    }

    [Fact]
    public void Apply_Removed_TakesItemOutAndRemembersIt()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Added("milk-1", Start), Inventory(InventoryOp.Removed, "milk-1", Start.AddHours(1))));

        Assert.Empty(twin.Inventory);
        var gone = Assert.Single(twin.RecentlyGone);
        Assert.Equal(("milk-1", InventoryOp.Removed, Start.AddHours(1)), (gone.ItemId, gone.Reason, gone.At));
    }

    [Fact]
    public void Apply_ConsumedPart_DecreasesQuantity()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Added("milk-1", Start, quantity: 1), Inventory(InventoryOp.Consumed, "milk-1", Start.AddHours(1), quantity: 0.25)));

        Assert.Equal(0.75, Assert.Single(twin.Inventory).Quantity, precision: 9);
    }

    [Fact]
    public void Apply_ConsumedToZero_ItemIsGone()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(
            Added("milk-1", Start, quantity: 0.5),
            Inventory(InventoryOp.Consumed, "milk-1", Start.AddHours(1), quantity: 0.3),
            Inventory(InventoryOp.Consumed, "milk-1", Start.AddHours(2), quantity: 0.2)));

        Assert.Empty(twin.Inventory);
        Assert.Equal(InventoryOp.Consumed, Assert.Single(twin.RecentlyGone).Reason);
    }

    [Fact]
    public void Apply_Opened_SetsOpenedAt()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Added("milk-1", Start), Inventory(InventoryOp.Opened, "milk-1", Start.AddHours(3))));

        Assert.Equal(Start.AddHours(3), twin.Inventory[0].OpenedAt);
    }

    [Fact]
    public void Apply_Moved_ChangesLocation()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Added("milk-1", Start), Inventory(InventoryOp.Moved, "milk-1", Start.AddHours(3), location: StorageLocation.Freezer)));

        var item = twin.Inventory[0];
        Assert.Equal((StorageLocation.Freezer, Start.AddHours(3), Start.AddHours(3)), (item.Location, item.LocationSince, item.FrozenAt!.Value));
    }

    [Fact]
    public void Apply_OpOnUnknownItem_IsIgnored()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        var raised = sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "ghost", Start, quantity: 1)));

        Assert.Empty(twin.Inventory);
        Assert.Empty(raised);
    }
}
