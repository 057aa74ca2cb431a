using System.Text.Json;
using System.Text.Json.Nodes;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Contracts.UnitTests.Docs;

/// <summary>Contract objects as the product builds them, serialized with the contract's own serializer.</summary>
internal static class ContractSamples
{
    public static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly ContractsJsonContext Json = ContractsJsonContext.Default;

    public static TemperatureReading Temperature { get; } = new() { Sensor = "fridge", Celsius = 3.9, At = At };

    public static DoorEvent Door { get; } = new() { Door = "main", State = DoorState.Open, At = At };

    public static InventoryChange Added { get; } = new()
    {
        Op = InventoryOp.Added,
        ItemId = "milk-1",
        Name = "Milk",
        Barcode = "4006381333931",
        Category = "dairy",
        Quantity = 1,
        Unit = "l",
        BestBefore = new DateOnly(2026, 11, 25),
        Location = StorageLocation.Fridge,
        At = At,
    };

    public static ApplianceStatus Status { get; } = new() { State = OnlineState.Online, Firmware = "1.2.0" };

    public static TelemetryRecord Fault { get; } = new()
    {
        Appliance = "pi",
        Kind = RecordKind.Fault,
        At = At,
        Sensor = "probe-1",
        Reason = "CRC error",
        Quality = RecordQuality.Bad,
    };

    /// <summary>Every appliance-link payload, by schema name: the fullest and the barest form of each.</summary>
    public static TheoryData<string, string> AppliancePayloads => new()
    {
        { "appliance-temperature", Serialize(Temperature, Json.TemperatureReading) },
        { "appliance-temperature", Serialize(Temperature with { At = null, Celsius = -18.5 }, Json.TemperatureReading) },
        { "appliance-door", Serialize(Door, Json.DoorEvent) },
        { "appliance-door", Serialize(new DoorEvent { Door = "freezer", State = DoorState.Closed }, Json.DoorEvent) },
        { "appliance-inventory", Serialize(Added, Json.InventoryChange) },
        { "appliance-inventory", Serialize(new InventoryChange { Op = InventoryOp.Added, ItemId = "leftovers-1", Name = "Soup" }, Json.InventoryChange) },
        { "appliance-inventory", Serialize(new InventoryChange { Op = InventoryOp.Consumed, ItemId = "milk-1", Quantity = 0.25, Unit = "l", At = At }, Json.InventoryChange) },
        { "appliance-inventory", Serialize(new InventoryChange { Op = InventoryOp.Moved, ItemId = "milk-1", Location = StorageLocation.Freezer }, Json.InventoryChange) },
        { "appliance-inventory", Serialize(new InventoryChange { Op = InventoryOp.Opened, ItemId = "milk-1" }, Json.InventoryChange) },
        { "appliance-inventory", Serialize(new InventoryChange { Op = InventoryOp.Removed, ItemId = "milk-1" }, Json.InventoryChange) },
        { "appliance-status", Serialize(Status, Json.ApplianceStatus) },
        { "appliance-status", Serialize(new ApplianceStatus { State = OnlineState.Offline }, Json.ApplianceStatus) },
    };

    /// <summary>Every uplink payload, by schema name.</summary>
    public static TheoryData<string, string> UplinkPayloads => new()
    {
        { "telemetry-envelope", Serialize(Envelope, Json.TelemetryEnvelope) },
        { "telemetry-record", Serialize(TelemetryRecord.From("demo-fridge", Temperature, At) with { Historical = true }, Json.TelemetryRecord) },
        { "telemetry-record", Serialize(Fault, Json.TelemetryRecord) },
        { "telemetry-record", Serialize(TelemetryRecord.From("demo-fridge", Temperature, At) with { ClockSynced = false }, Json.TelemetryRecord) },
        { "telemetry-envelope", Serialize(Envelope with { Restamped = true }, Json.TelemetryEnvelope) },
        { "gateway-status", Serialize(new GatewayStatus { State = OnlineState.Online, BootId = Guid.NewGuid(), Version = "1.0.0" }, Json.GatewayStatus) },
        { "gateway-status", Serialize(new GatewayStatus { State = OnlineState.Offline }, Json.GatewayStatus) },
        { "notification", Serialize(Notification, Json.HouseholdNotification) },
    };

    /// <summary>Every need-event type with a <c>data</c> the product would send, wrapped in a CloudEvent.</summary>
    public static TheoryData<string, string> NeedEvents => new()
    {
        { NeedEventTypes.FoodExpiring, CloudEvent(NeedEventTypes.FoodExpiring, Serialize(Food, Json.FoodEventData)) },
        { NeedEventTypes.FoodExpired, CloudEvent(NeedEventTypes.FoodExpired, Serialize(new FoodEventData { ItemId = "milk-1", Name = "Milk", BestBefore = new DateOnly(2026, 11, 22) }, Json.FoodEventData)) },
        { NeedEventTypes.FoodUnsafe, CloudEvent(NeedEventTypes.FoodUnsafe, Serialize(Food with { Estimated = true, Reason = "above 4 °C for 2 h 35 min" }, Json.FoodEventData)) },
        { NeedEventTypes.StockLow, CloudEvent(NeedEventTypes.StockLow, Serialize(new StockLowData { Name = "Milk", Category = "dairy", Barcode = "4006381333931", Quantity = 0, MinimumQuantity = 1, Unit = "l" }, Json.StockLowData)) },
        { NeedEventTypes.TemperatureExcursion, CloudEvent(NeedEventTypes.TemperatureExcursion, Serialize(new TemperatureExcursionData { Appliance = "demo-fridge", Compartment = "fridge", Celsius = 9.4, SafeMinCelsius = 0, SafeMaxCelsius = 5, Since = At }, Json.TemperatureExcursionData)) },
        { NeedEventTypes.DoorLeftOpen, CloudEvent(NeedEventTypes.DoorLeftOpen, Serialize(new DoorLeftOpenData { Appliance = "demo-fridge", Door = "main", OpenSince = At, OpenSeconds = 180 }, Json.DoorLeftOpenData)) },
        { NeedEventTypes.ApplianceOffline, CloudEvent(NeedEventTypes.ApplianceOffline, Serialize(new OfflineData { GatewayId = "demo-gw", Since = At }, Json.OfflineData)) },
        { NeedEventTypes.DietWeeklySummary, CloudEvent(NeedEventTypes.DietWeeklySummary, Serialize(new DietWeeklySummaryData { WeekStart = new DateOnly(2026, 11, 23), Categories = [new() { Category = "dairy", Quantity = 3.75, Items = 4 }] }, Json.DietWeeklySummaryData)) },
    };

    private static FoodEventData Food { get; } = new()
    {
        ItemId = "milk-1",
        Name = "Milk",
        Category = "dairy",
        Location = StorageLocation.Fridge,
        Quantity = 1,
        Unit = "l",
        BestBefore = new DateOnly(2026, 11, 25),
        LabelBestBefore = new DateOnly(2026, 11, 25),
    };

    private static TelemetryEnvelope Envelope => new()
    {
        Schema = TelemetryEnvelope.SchemaV1,
        MessageId = Guid.NewGuid(),
        HouseholdId = "demo",
        GatewayId = "demo-gw",
        BootId = Guid.NewGuid(),
        Seq = 42,
        SentAt = At,
        Records =
        [
            TelemetryRecord.From("demo-fridge", Temperature, At),
            TelemetryRecord.From("demo-fridge", Door, At),
            TelemetryRecord.From("demo-fridge", Added, At),
            TelemetryRecord.From("demo-fridge", Status, At),
            Fault,
        ],
    };

    private static HouseholdNotification Notification => new()
    {
        Id = Guid.NewGuid(),
        HouseholdId = "demo",
        EventId = "evt-1",
        Type = NeedEventTypes.FoodExpiring,
        Severity = NotificationSeverity.Warning,
        Title = "Milk is best before tomorrow",
        Body = "Use it soon.",
        Subject = "items/milk-1",
        At = At,
    };

    public static string Serialize<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(value, typeInfo);

    private static string CloudEvent(string type, string data) => new JsonObject
    {
        ["specversion"] = "1.0",
        ["id"] = "evt-1",
        ["source"] = "/households/hr_5kq2m9x7",
        ["type"] = type,
        ["time"] = At.ToString("O"),
        ["datacontenttype"] = "application/json",
        ["data"] = JsonNode.Parse(data),
    }.ToJsonString();
}
