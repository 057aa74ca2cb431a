using System.Text.Json;
using SmartHome.Contracts;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Benchmarks;

/// <summary>
/// The telemetry a fleet of households sends, as gateways would: envelope n goes to household n mod H with the next
/// seq of that household's gateway, and holds two temperature readings; every 10th also puts an item in the fridge
/// that is best before tomorrow (so the expiring rule raises an event that is stored) and opens and closes the door.
/// </summary>
internal sealed class IngestEnvelopes(int households, string householdPrefix = IngestEnvelopes.HouseholdPrefix)
{
    public const string HouseholdPrefix = "bench-";
    public const string GatewayId = "bench-gw";
    private static readonly Guid BootId = Guid.Parse("6f1c2d1e-0000-4000-8000-000000000001");

    public (string Household, long Seq) KeyOf(int index) => ($"{householdPrefix}{index % households:000}", (index / households) + 1);

    public (string Topic, byte[] Payload) Create(int index, DateTimeOffset now)
    {
        var (household, seq) = KeyOf(index);
        var records = new List<TelemetryRecord>
        {
            TelemetryRecord.From("bench-fridge", new TemperatureReading { Sensor = "fridge", Celsius = 3.5 + (index % 10 / 10.0), At = now }, now),
            TelemetryRecord.From("bench-fridge", new TemperatureReading { Sensor = "freezer", Celsius = -18.2, At = now }, now),
        };
        if (index % 10 == 0)
        {
            var item = new InventoryChange
            {
                Op = InventoryOp.Added, ItemId = $"milk-{index}", Name = "Milk", Category = "dairy", Quantity = 1, Unit = "l",
                BestBefore = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1), Location = StorageLocation.Fridge, At = now,
            };
            records.Add(TelemetryRecord.From("bench-fridge", new DoorEvent { Door = "main", State = DoorState.Open, At = now }, now));
            records.Add(TelemetryRecord.From("bench-fridge", item, now));
            records.Add(TelemetryRecord.From("bench-fridge", new DoorEvent { Door = "main", State = DoorState.Closed, At = now }, now));
        }

        var envelope = new TelemetryEnvelope
        {
            Schema = TelemetryEnvelope.SchemaV1, MessageId = Guid.NewGuid(), HouseholdId = household, GatewayId = GatewayId,
            BootId = BootId, Seq = seq, SentAt = now, Records = records,
        };
        return (Topics.Telemetry(household, GatewayId), JsonSerializer.SerializeToUtf8Bytes(envelope, ContractsJsonContext.Default.TelemetryEnvelope));
    }
}
