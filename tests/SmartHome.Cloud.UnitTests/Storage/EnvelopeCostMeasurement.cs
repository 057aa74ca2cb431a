using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Core.Serialization;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using Xunit.Abstractions;

namespace SmartHome.Cloud.UnitTests.Storage;

/// <summary>
/// What applying and storing one envelope of 10 temperature records costs in a household of 50 against 5,000 items,
/// printed to the test output for docs/benchmarks.md. It asserts only that every envelope was stored: times are not
/// asserted (the machine is shared), the ratio is what to read.
/// </summary>
public sealed class EnvelopeCostMeasurement(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Envelopes = 40;
    private CloudTestHost host = null!;

    public async Task InitializeAsync() => host = await CloudTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>Uncached, every change reads and parses the twin, as each change did before the store kept it (<see cref="TwinCache"/>).</summary>
    [Fact]
    public async Task ApplyAndStore_TenTemperaturesInto50And5000Items_PrintsTheCostPerEnvelope()
    {
        var baseline = await MeasureAsync("cost-50-uncached", 50, cached: false);
        var small = await MeasureAsync("cost-50", 50, cached: true);
        var largeUncached = await MeasureAsync("cost-5000-uncached", 5_000, cached: false);
        var large = await MeasureAsync("cost-5000", 5_000, cached: true);

        output.WriteLine($"apply+store per envelope, against 50 items uncached ({baseline.Total:F2} ms):");
        output.WriteLine($"  50 items cached {small.Total:F2} ms ({small.Total / baseline.Total:F2}); 5000 items uncached {largeUncached.Total:F2} ms ({largeUncached.Total / baseline.Total:F1}), cached {large.Total:F2} ms ({large.Total / baseline.Total:F1})");
        output.WriteLine($"  5000 items: deserialize {large.Load:F2} ms, apply+rules {large.Apply:F2} ms, serialize {large.Serialize:F2} ms, twin {large.Bytes:N0} bytes");
    }

    private async Task<Cost> MeasureAsync(string householdId, int items, bool cached)
    {
        var shared = host.Service<HouseholdStore>();
        HouseholdStore Store() => cached ? shared : new(host.Service<IStoreProvider>(), TimeProvider.System, NullLogger<HouseholdStore>.Instance);
        var store = Store();
        var engine = host.Service<HouseholdEngine>();
        await store.ChangeAsync(householdId, null, twin =>
        {
            twin.Inventory.AddRange(Enumerable.Range(0, items).Select(Item));
            return [];
        }, CancellationToken.None);

        var total = Stopwatch.StartNew();
        for (var seq = 1; seq <= Envelopes; seq++)
        {
            var envelope = TestEnvelopes.Envelope(householdId, seq, [.. Enumerable.Range(0, 10).Select(i => TestEnvelopes.Temperature(4 + (i * 0.1)))]);
            await Store().ChangeAsync(householdId, new EnvelopeKey(envelope.GatewayId, envelope.Seq, envelope.MessageId), twin => engine.Apply(twin, envelope), CancellationToken.None);
        }

        total.Stop();
        var stored = (await store.FindTwinAsync(householdId, CancellationToken.None))!;
        Assert.Equal(Envelopes, stored.Gateways[0].LastSeq);
        Assert.Equal(items, stored.Inventory.Count);

        var json = TwinSerializer.Serialize(stored);
        var load = Time(() => TwinSerializer.Deserialize(json));
        var apply = Time(() => engine.Apply(stored, TestEnvelopes.Envelope(householdId, Envelopes + 1, TestEnvelopes.Temperature(4))));
        var serialize = Time(() => TwinSerializer.Serialize(stored));
        return new(total.Elapsed.TotalMilliseconds / Envelopes, load, apply, serialize, json.Length);
    }

    private static double Time(Action action)
    {
        action();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            action();
        }

        return watch.Elapsed.TotalMilliseconds / 10;
    }

    private static InventoryItem Item(int i) => new()
    {
        ItemId = $"item-{i}",
        ApplianceId = TestEnvelopes.ApplianceId,
        Name = $"Yoghurt {i}",
        Category = "dairy",
        Quantity = 1,
        Unit = "pcs",
        AddedAt = DateTimeOffset.UtcNow.AddDays(-1),
        LocationSince = DateTimeOffset.UtcNow.AddDays(-1),
        UpdatedAt = DateTimeOffset.UtcNow.AddDays(-1),
        BestBefore = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)),
    };

    private sealed record Cost(double Total, double Load, double Apply, double Serialize, int Bytes);
}
