using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Core.ShelfLife;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Cloud.UnitTests.Core;

/// <summary>Records, envelopes and an engine for one test household, starting Monday 23 November 2026, 10:00 UTC.</summary>
internal static class TestTelemetry
{
    public const string HouseholdId = "home-1";
    public const string GatewayId = "gw-1";
    public const string ApplianceId = "fridge-1";

    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Start.UtcDateTime);

    private static long _seq;

    public static HouseholdEngine Engine(FakeTimeProvider time, CoreOptions? options = null) =>
        new(time, new BuiltInShelfLifeCatalog(), options);

    public static HouseholdTwin NewTwin() => new() { HouseholdId = HouseholdId };

    public static TelemetryEnvelope Envelope(params TelemetryRecord[] records) => new()
    {
        Schema = TelemetryEnvelope.SchemaV1,
        MessageId = Guid.NewGuid(),
        HouseholdId = HouseholdId,
        GatewayId = GatewayId,
        BootId = Guid.Empty,
        Seq = Interlocked.Increment(ref _seq),
        SentAt = Start,
        Records = records,
    };

    public static TelemetryRecord Temperature(DateTimeOffset at, double celsius, string sensor = "fridge", RecordQuality quality = RecordQuality.Good) =>
        TelemetryRecord.From(ApplianceId, new TemperatureReading { Sensor = sensor, Celsius = celsius }, at) with { Quality = quality };

    public static TelemetryRecord Door(DateTimeOffset at, DoorState state, string door = "main") =>
        TelemetryRecord.From(ApplianceId, new DoorEvent { Door = door, State = state }, at);

    public static TelemetryRecord Status(DateTimeOffset at, OnlineState state, string? firmware = null) =>
        TelemetryRecord.From(ApplianceId, new ApplianceStatus { State = state, Firmware = firmware }, at);

    public static TelemetryRecord Added(
        string itemId,
        DateTimeOffset at,
        string? name = "Milk",
        string? category = "dairy",
        DateOnly? bestBefore = null,
        StorageLocation? location = null,
        double? quantity = null,
        string? unit = "l") =>
        TelemetryRecord.From(ApplianceId, new InventoryChange
        {
            Op = InventoryOp.Added,
            ItemId = itemId,
            Name = name,
            Category = category,
            BestBefore = bestBefore,
            Location = location,
            Quantity = quantity,
            Unit = unit,
        }, at);

    public static TelemetryRecord Inventory(InventoryOp op, string itemId, DateTimeOffset at, double? quantity = null, StorageLocation? location = null) =>
        TelemetryRecord.From(ApplianceId, new InventoryChange { Op = op, ItemId = itemId, Quantity = quantity, Location = location }, at);
}
