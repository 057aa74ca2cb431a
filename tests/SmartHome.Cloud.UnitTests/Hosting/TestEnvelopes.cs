using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Cloud.UnitTests.Hosting;

/// <summary>Telemetry envelopes as a gateway would send them.</summary>
internal static class TestEnvelopes
{
    public const string GatewayId = "gw-1";
    public const string ApplianceId = "fridge-1";

    public static TelemetryEnvelope Envelope(string householdId, long seq, params TelemetryRecord[] records) => new()
    {
        Schema = TelemetryEnvelope.SchemaV1,
        MessageId = Guid.NewGuid(),
        HouseholdId = householdId,
        GatewayId = GatewayId,
        BootId = Guid.NewGuid(),
        Seq = seq,
        SentAt = DateTimeOffset.UtcNow,
        Records = records,
    };

    public static TelemetryRecord Temperature(double celsius, DateTimeOffset? at = null) =>
        TelemetryRecord.From(ApplianceId, new TemperatureReading { Sensor = "fridge", Celsius = celsius }, at ?? DateTimeOffset.UtcNow);

    public static TelemetryRecord Added(string itemId, string name, DateOnly? bestBefore = null, DateTimeOffset? at = null) =>
        TelemetryRecord.From(ApplianceId, new InventoryChange
        {
            Op = InventoryOp.Added,
            ItemId = itemId,
            Name = name,
            Category = "dairy",
            Quantity = 1,
            Unit = "l",
            BestBefore = bestBefore,
            Location = StorageLocation.Fridge,
        }, at ?? DateTimeOffset.UtcNow);

    public static TelemetryRecord Door(DoorState state, DateTimeOffset at) =>
        TelemetryRecord.From(ApplianceId, new DoorEvent { Door = "main", State = state }, at);
}
