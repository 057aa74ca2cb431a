using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Cloud.Core.Twin;

/// <summary>
/// Applies one record to the twin in event time: a record older than the state it would replace leaves that state
/// alone (a temperature still goes into the history), so late records from a gateway's outbox are harmless.
/// </summary>
internal sealed class TwinUpdater(CoreOptions options)
{
    private readonly InventoryUpdater _inventory = new(options);

    public IEnumerable<TwinChange> Apply(HouseholdTwin twin, string gatewayId, TelemetryRecord record)
    {
        var appliance = FindOrAddAppliance(twin, record.Appliance, gatewayId);
        appliance.GatewayId = gatewayId;
        if (appliance.LastRecordAt is null || record.At > appliance.LastRecordAt)
        {
            appliance.LastRecordAt = record.At;
        }

        return record.Kind switch
        {
            RecordKind.Temperature => ApplyTemperature(appliance, record),
            RecordKind.Door => ApplyDoor(appliance, record),
            RecordKind.Fault => ApplyFault(appliance, record),
            RecordKind.Status => ApplyStatus(appliance, record),
            RecordKind.Inventory => _inventory.Apply(twin, record),
            _ => [],
        };
    }

    public static IEnumerable<TwinChange> ApplyGatewayStatus(HouseholdTwin twin, string gatewayId, GatewayStatus status, DateTimeOffset receivedAt)
    {
        var gateway = FindOrAddGateway(twin, gatewayId);
        if (gateway.LastSeenAt is null || receivedAt > gateway.LastSeenAt)
        {
            gateway.LastSeenAt = receivedAt;
        }

        if (gateway.StateSince is { } since && receivedAt < since)
        {
            return [];
        }

        // A session's last will can arrive after the next session announced itself: it is about the old boot.
        if (status.State == OnlineState.Offline && gateway.State == OnlineState.Online
            && status.BootId is { } willBoot && gateway.BootId is { } currentBoot && willBoot != currentBoot)
        {
            return [];
        }

        gateway.BootId = status.BootId ?? gateway.BootId;
        gateway.Version = status.Version ?? gateway.Version;
        if (gateway.State == status.State)
        {
            return [];
        }

        gateway.State = status.State;
        gateway.StateSince = receivedAt;
        return [];
    }

    public static Gateway FindOrAddGateway(HouseholdTwin twin, string gatewayId)
    {
        var gateway = twin.FindGateway(gatewayId);
        if (gateway is null)
        {
            gateway = new Gateway { GatewayId = gatewayId };
            twin.Gateways.Add(gateway);
        }

        return gateway;
    }

    private static Appliance FindOrAddAppliance(HouseholdTwin twin, string applianceId, string gatewayId)
    {
        var appliance = twin.FindAppliance(applianceId);
        if (appliance is null)
        {
            appliance = new Appliance { ApplianceId = applianceId, GatewayId = gatewayId };
            twin.Appliances.Add(appliance);
        }

        return appliance;
    }

    private IEnumerable<TwinChange> ApplyTemperature(Appliance appliance, TelemetryRecord record)
    {
        if (record.Quality == RecordQuality.Bad || record is not { Sensor: { } sensor, Celsius: { } celsius })
        {
            return [];
        }

        var compartment = FindOrAddCompartment(appliance, sensor);
        TemperatureHistory.Add(compartment, record.At, celsius, record.Quality, options);
        if (compartment.At is { } latest && record.At < latest)
        {
            return [];
        }

        compartment.Celsius = celsius;
        compartment.At = record.At;
        return [new TemperatureUpdated(appliance, compartment, celsius, record.At, record.Quality)];
    }

    private IEnumerable<TwinChange> ApplyDoor(Appliance appliance, TelemetryRecord record)
    {
        if (record is not { Door: { } name, State: { } state })
        {
            return [];
        }

        var door = appliance.FindDoor(name);
        if (door is null)
        {
            appliance.Doors.Add(new Door
            {
                Name = name,
                State = state,
                Since = record.At,
                UpdatedAt = record.At,
                OpenedAt = state == DoorState.Open ? record.At : null,
            });
        }
        else if (record.At >= door.UpdatedAt)
        {
            if (door.State != state)
            {
                var bounced = state == DoorState.Open && door.OpenedAt is not null && record.At - door.Since < options.DoorBounceWindow;
                door.State = state;
                door.Since = bounced ? door.OpenedAt!.Value : record.At;
                door.OpenedAt = state == DoorState.Open ? door.Since : door.OpenedAt;
            }

            door.UpdatedAt = record.At;
        }

        return [];
    }

    private static IEnumerable<TwinChange> ApplyFault(Appliance appliance, TelemetryRecord record)
    {
        if (record.Sensor is not { } sensor)
        {
            return [];
        }

        var compartment = FindOrAddCompartment(appliance, sensor);
        if (compartment.LastFaultAt is null || record.At >= compartment.LastFaultAt)
        {
            compartment.LastFault = record.Reason;
            compartment.LastFaultAt = record.At;
        }

        return [];
    }

    private static IEnumerable<TwinChange> ApplyStatus(Appliance appliance, TelemetryRecord record)
    {
        if (record.Online is not { } state || (appliance.StatusAt is { } latest && record.At < latest))
        {
            return [];
        }

        appliance.StatusAt = record.At;
        appliance.Firmware = record.Firmware ?? appliance.Firmware;
        if (appliance.State == state)
        {
            return [];
        }

        appliance.State = state;
        appliance.StateSince = record.At;
        return [];
    }

    private static Compartment FindOrAddCompartment(Appliance appliance, string sensor)
    {
        var compartment = appliance.FindCompartment(sensor);
        if (compartment is null)
        {
            compartment = new Compartment { Sensor = sensor, Kind = KindOf(sensor) };
            appliance.Compartments.Add(compartment);
        }

        return compartment;
    }

    private static StorageLocation KindOf(string sensor) =>
        sensor.Contains("freez", StringComparison.OrdinalIgnoreCase) ? StorageLocation.Freezer
        : sensor.Contains("pantry", StringComparison.OrdinalIgnoreCase) ? StorageLocation.Pantry
        : StorageLocation.Fridge;
}
