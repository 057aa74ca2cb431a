using System.Diagnostics;
using SmartHome.Contracts;
using SmartHome.Testing;

namespace SmartHome.Benchmarks;

/// <summary>(c) The outbox filled while the broker is down, then the broker started: how fast the backlog leaves.</summary>
internal static class OutageDrain
{
    public static async Task<DrainResult> RunAsync(MosquittoBroker broker, BenchSettings settings)
    {
        const string gatewayId = "bench-gw-drain";
        await using var gateway = await BenchGateway.StartAsync(broker, gatewayId);
        await broker.StopAsync();
        var (records, fill) = await PublishRates.PublishAsync(
            gateway.Process.ApplianceLinkPort, settings.DrainRecords, settings.Window, settings.FillConnections, "bench-drain");
        Console.Error.WriteLine($"(c) {records} records in the outbox after {fill.TotalSeconds:0.0} s; starting the broker");

        var sinceStart = Stopwatch.StartNew();
        await broker.StartAsync();
        // The uplink keeps an envelope until the broker has a subscriber for it (retrying every few seconds), as when
        // the cloud core is not back yet; this subscriber plays the core.
        await using var telemetry = await TelemetryCollector.ConnectAsync(broker.Port, Topics.Telemetry(BenchGateway.HouseholdId, gatewayId));
        await Poll.UntilAsync(async () => (await gateway.HealthAsync()).PendingRecords < records, "the first envelope to be acknowledged");
        var firstAcknowledged = sinceStart.Elapsed;
        await Poll.UntilAsync(async () => (await gateway.HealthAsync()).PendingRecords == 0, "the outbox to drain");
        return new(records, records / fill.TotalSeconds, firstAcknowledged, records / (sinceStart.Elapsed - firstAcknowledged).TotalSeconds);
    }
}

/// <param name="Records">The backlog.</param>
/// <param name="FillRate">Records per second accepted into the outbox while the broker was down.</param>
/// <param name="FirstAcknowledged">From the broker's start to the first envelope it acknowledged (reconnect backoff, subscriber back).</param>
/// <param name="DrainRate">Records per second acknowledged by the broker, from the first acknowledged envelope to an empty outbox.</param>
internal sealed record DrainResult(int Records, double FillRate, TimeSpan FirstAcknowledged, double DrainRate);
