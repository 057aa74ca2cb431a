using System.Diagnostics;
using SmartHome.Contracts;
using SmartHome.Testing;

namespace SmartHome.Benchmarks;

/// <summary>(a) a bare MQTTnet QoS 1 publish loop to Mosquitto; (b) the same loop into the gateway, timed to the subscriber.</summary>
internal static class PublishRates
{
    /// <summary>Messages per second PUBACKed by Mosquitto.</summary>
    public static async Task<double> BareClientAsync(MosquittoBroker broker, BenchSettings settings, int connections)
    {
        var (count, elapsed) = await PublishAsync(broker.Port, settings.Messages, settings.Window, connections, $"bench-bare-{connections}");
        return count / elapsed.TotalSeconds;
    }

    public static async Task<PipelineRate> ThroughGatewayAsync(MosquittoBroker broker, BenchSettings settings, int connections)
    {
        var gatewayId = $"bench-gw-{connections}";
        await using var gateway = await BenchGateway.StartAsync(broker, gatewayId);
        await using var telemetry = await TelemetryCollector.ConnectAsync(broker.Port, Topics.Telemetry(BenchGateway.HouseholdId, gatewayId));
        var endToEnd = Stopwatch.StartNew();
        var (count, accepted) = await PublishAsync(gateway.Process.ApplianceLinkPort, settings.Messages, settings.Window, connections, gatewayId);
        await Poll.UntilAsync(() => telemetry.Records >= count, "the subscriber to receive every record");
        return new(count / accepted.TotalSeconds, count / endToEnd.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Publishes <paramref name="messages"/> appliance messages spread over <paramref name="connections"/> clients, each
    /// with <paramref name="window"/> awaiting their PUBACK; returns how many and how long until the last PUBACK.
    /// </summary>
    public static async Task<(int Count, TimeSpan Elapsed)> PublishAsync(int port, int messages, int window, int connections, string prefix)
    {
        var publishers = Enumerable.Range(0, connections)
            .Select(c => new AcknowledgedPublisher(messages / connections, window, i => ApplianceMessages.JarAdded($"{prefix}-{c}", $"jar-{c}-{i}")))
            .ToList();
        var elapsed = Stopwatch.StartNew();
        await Task.WhenAll(publishers.Select(p => p.RunAsync(() => port, CancellationToken.None)));
        return (publishers.Sum(p => p.Count), elapsed.Elapsed);
    }
}

/// <summary>Messages per second PUBACKed by the gateway (durable in its outbox) and received by the cloud-side subscriber.</summary>
internal sealed record PipelineRate(double Accepted, double EndToEnd);
