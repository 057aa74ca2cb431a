using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Core.Serialization;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Cloud.Storage;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;
using SmartHome.Testing;

namespace SmartHome.Benchmarks;

/// <summary>
/// (g) what applying and storing one envelope of 10 temperature readings costs in a household of 50 against one of
/// 5,000 items, through the store and the engine exactly as ingest calls them (dedupe mark, twin, events in one
/// transaction). "Uncached" reads and parses the stored twin for every change, as the store did before it kept the
/// twin it last stored; that, for 50 items, is the baseline. A first household warms the code paths up. The last
/// figure starts the fridge with 48 h of readings, so that every item's exposure is worked out over a day of history.
/// </summary>
internal static class TwinCost
{
    private const int Envelopes = 40;
    private const string GatewayId = "bench-gw";
    private const string ApplianceId = "bench-fridge";

    public static async Task<TwinCosts> MeasureAsync(MosquittoBroker broker)
    {
        await using var cloud = await BenchCloud.StartAsync(broker);
        await PerEnvelopeAsync(cloud, "cost-warm-up", 50, cached: false);
        var costs = new TwinCosts(
            await PerEnvelopeAsync(cloud, "cost-50-uncached", 50, cached: false),
            await PerEnvelopeAsync(cloud, "cost-50", 50, cached: true),
            await PerEnvelopeAsync(cloud, "cost-5000-uncached", 5_000, cached: false),
            await PerEnvelopeAsync(cloud, "cost-5000", 5_000, cached: true),
            await PerEnvelopeAsync(cloud, "cost-5000-history", 5_000, cached: true, history: true),
            0);
        var stored = await cloud.Service<HouseholdStore>().FindTwinAsync("cost-5000", CancellationToken.None);
        return costs with { LargeTwinBytes = TwinSerializer.Serialize(stored!).Length };
    }

    /// <summary>Milliseconds per envelope.</summary>
    /// <param name="cloud">The cloud host.</param>
    /// <param name="householdId">A household of its own for this figure.</param>
    /// <param name="items">How many items the household holds, all in the fridge.</param>
    /// <param name="cached">Whether the store keeps the twin between changes.</param>
    /// <param name="history">Whether the fridge starts with 48 h of readings, which every item's stay (a day) reaches into.</param>
    private static async Task<double> PerEnvelopeAsync(BenchCloud cloud, string householdId, int items, bool cached, bool history = false)
    {
        var shared = cloud.Service<HouseholdStore>();
        HouseholdStore Store() => cached ? shared : new(cloud.Service<IStoreProvider>(), TimeProvider.System, NullLogger<HouseholdStore>.Instance);
        var engine = cloud.Service<HouseholdEngine>();
        await Store().ChangeAsync(householdId, null, twin =>
        {
            twin.Inventory.AddRange(Enumerable.Range(0, items).Select(Item));
            return history ? engine.Apply(twin, HistoryEnvelope(householdId)) : [];
        }, CancellationToken.None);

        var watch = Stopwatch.StartNew();
        for (var seq = 1; seq <= Envelopes; seq++)
        {
            var envelope = Envelope(householdId, seq);
            await Store().ChangeAsync(householdId, new EnvelopeKey(GatewayId, seq, envelope.MessageId), twin => engine.Apply(twin, envelope), CancellationToken.None);
        }

        watch.Stop();
        var stored = await Store().FindTwinAsync(householdId, CancellationToken.None);
        if (stored?.Inventory.Count != items || stored.Gateways[0].LastSeq != Envelopes)
        {
            throw new InvalidOperationException($"{householdId}: not every envelope was stored");
        }

        return watch.Elapsed.TotalMilliseconds / Envelopes;
    }

    private static TelemetryEnvelope Envelope(string householdId, long seq)
    {
        var now = DateTimeOffset.UtcNow;
        return new()
        {
            Schema = TelemetryEnvelope.SchemaV1, MessageId = Guid.NewGuid(), HouseholdId = householdId, GatewayId = GatewayId,
            BootId = Guid.Empty, Seq = seq, SentAt = now,
            Records = [.. Enumerable.Range(0, 10).Select(i => TelemetryRecord.From(ApplianceId, new TemperatureReading { Sensor = "fridge", Celsius = 4 + (i * 0.1) }, now))],
        };
    }

    /// <summary>Two days of readings every 5 minutes, between 3 and 6.2 °C, up to 5 minutes ago.</summary>
    private static TelemetryEnvelope HistoryEnvelope(string householdId)
    {
        var now = DateTimeOffset.UtcNow;
        return new()
        {
            Schema = TelemetryEnvelope.SchemaV1, MessageId = Guid.NewGuid(), HouseholdId = householdId, GatewayId = GatewayId,
            BootId = Guid.Empty, Seq = 0, SentAt = now,
            Records = [.. Enumerable.Range(1, 576).Select(i => TelemetryRecord.From(ApplianceId, new TemperatureReading { Sensor = "fridge", Celsius = 3 + (i % 9 * 0.4) }, now.AddMinutes(-5 * i)))],
        };
    }

    private static InventoryItem Item(int i) => new()
    {
        ItemId = $"item-{i}",
        ApplianceId = ApplianceId,
        Name = $"Yoghurt {i}",
        Category = "dairy",
        Quantity = 1,
        Unit = "pcs",
        Location = StorageLocation.Fridge,
        AddedAt = DateTimeOffset.UtcNow.AddDays(-1),
        LocationSince = DateTimeOffset.UtcNow.AddDays(-1),
        UpdatedAt = DateTimeOffset.UtcNow.AddDays(-1),
        BestBefore = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)),
    };
}

/// <summary>
/// Milliseconds per envelope applied and stored, by household size and whether the store kept the twin; and the size
/// of the 5,000-item twin's JSON as stored at the end (items with their exposures).
/// </summary>
internal sealed record TwinCosts(double Small, double SmallCached, double Large, double LargeCached, double LargeCachedWithHistory, int LargeTwinBytes);
