using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Contracts.Telemetry;

/// <summary>
/// One record of a telemetry envelope: the fields of the appliance-link message it came from, flattened,
/// plus where it came from and how far it can be trusted. Fields that do not belong to <see cref="Kind"/> stay null.
/// </summary>
public sealed record TelemetryRecord
{
    public required string Appliance { get; init; }
    public required RecordKind Kind { get; init; }
    public required DateTimeOffset At { get; init; }
    public RecordQuality Quality { get; init; } = RecordQuality.Good;
    public bool Historical { get; init; }

    /// <summary>
    /// False when the gateway stamped <see cref="At"/> itself while its clock was not synchronised and could not
    /// correct it; absent otherwise (a time from the appliance's firmware is never flagged: the gateway cannot know).
    /// </summary>
    public bool? ClockSynced { get; init; }

    // temperature (and fault: the sensor at fault)
    public string? Sensor { get; init; }
    public double? Celsius { get; init; }

    // temperature rolled up by the gateway's outbox under pressure: Celsius is then the mean of Samples readings
    // taken within RollupSeconds from At.
    public double? MinCelsius { get; init; }
    public double? MaxCelsius { get; init; }
    public int? Samples { get; init; }
    public int? RollupSeconds { get; init; }

    // door
    public string? Door { get; init; }
    public DoorState? State { get; init; }

    // inventory
    public InventoryOp? Op { get; init; }
    public string? ItemId { get; init; }
    public string? Name { get; init; }
    public string? Barcode { get; init; }
    public string? Category { get; init; }
    public double? Quantity { get; init; }
    public string? Unit { get; init; }
    public DateOnly? BestBefore { get; init; }
    public StorageLocation? Location { get; init; }

    // fault
    public string? Reason { get; init; }

    // status
    public OnlineState? Online { get; init; }
    public string? Firmware { get; init; }

    public static TelemetryRecord From(string appliance, TemperatureReading reading, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new() { Appliance = appliance, Kind = RecordKind.Temperature, At = at, Sensor = reading.Sensor, Celsius = reading.Celsius };
    }

    public static TelemetryRecord From(string appliance, DoorEvent door, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(door);
        return new() { Appliance = appliance, Kind = RecordKind.Door, At = at, Door = door.Door, State = door.State };
    }

    public static TelemetryRecord From(string appliance, InventoryChange change, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new()
        {
            Appliance = appliance,
            Kind = RecordKind.Inventory,
            At = at,
            Op = change.Op,
            ItemId = change.ItemId,
            Name = change.Name,
            Barcode = change.Barcode,
            Category = change.Category,
            Quantity = change.Quantity,
            Unit = change.Unit,
            BestBefore = change.BestBefore,
            Location = change.Location,
        };
    }

    public static TelemetryRecord From(string appliance, ApplianceStatus status, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new() { Appliance = appliance, Kind = RecordKind.Status, At = at, Online = status.State, Firmware = status.Firmware };
    }
}
