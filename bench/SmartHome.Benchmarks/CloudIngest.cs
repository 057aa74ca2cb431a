using System.Globalization;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SmartHome.Testing;

namespace SmartHome.Benchmarks;

/// <summary>
/// (e) telemetry envelopes through Mosquitto to a bare MQTTnet subscriber; (f) the same envelopes into the cloud core
/// (validated, deduplicated, twin updated, rules run, events and the envelope stored in one transaction). One publisher
/// sends them at QoS 1, never more than <see cref="MaxBacklog"/> ahead of what the reader has taken in, so the figure
/// is a sustained rate rather than how fast the broker queues; at that rate the latency is mostly the backlog's wait,
/// so (f′) measures the latency with the publisher paced to a rate the core keeps up with, from publish to the moment
/// the envelope's row is visible to another database connection (committed).
/// </summary>
internal static class CloudIngest
{
    private const int MaxBacklog = 200;

    /// <summary>Envelopes the core takes in before the measured ones, so that they do not pay for its JIT compilation.</summary>
    private const int WarmUpEnvelopes = 300;

    public static async Task<IngestResult> BareSubscriberAsync(MosquittoBroker broker, BenchSettings settings)
    {
        var envelopes = new IngestEnvelopes(settings.IngestHouseholds);
        var takenAt = new double[settings.IngestEnvelopes];
        var perHousehold = new int[settings.IngestHouseholds];
        var taken = 0;
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        subscriber.ApplicationMessageReceivedAsync += args =>
        {
            // One publisher and QoS 1: a household's envelopes arrive in order, so the k-th is seq k.
            var household = int.Parse(args.ApplicationMessage.Topic.Split('/')[2][IngestEnvelopes.HouseholdPrefix.Length..], CultureInfo.InvariantCulture);
            var index = (perHousehold[household]++ * settings.IngestHouseholds) + household;
            takenAt[index] = NowMilliseconds();
            Interlocked.Increment(ref taken);
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(Options(broker.Port, "bench-bare-subscriber"));
        await subscriber.SubscribeAsync("shg/v1/+/+/telemetry", MqttQualityOfServiceLevel.AtLeastOnce);

        var publishedAt = await PublishAsync(broker.Port, envelopes, settings.IngestEnvelopes, () => Volatile.Read(ref taken));
        await Poll.UntilAsync(() => Volatile.Read(ref taken) >= settings.IngestEnvelopes, "the subscriber to take in every envelope");
        return IngestResult.From(publishedAt, takenAt);
    }

    /// <summary>Envelopes per second stored by the core, published as fast as it takes them in.</summary>
    public static async Task<double> CoreRateAsync(MosquittoBroker broker, BenchSettings settings)
    {
        await using var cloud = await WarmCloudAsync(broker, settings);
        var publishedAt = await PublishAsync(broker.Port, new IngestEnvelopes(settings.IngestHouseholds), settings.IngestEnvelopes, () => (int)cloud.Counters.EnvelopesAccepted - WarmUpEnvelopes);
        await Poll.UntilAsync(() => cloud.Counters.EnvelopesAccepted >= WarmUpEnvelopes + settings.IngestEnvelopes, "the core to store every envelope");
        return settings.IngestEnvelopes / ((NowMilliseconds() - publishedAt[0]) / 1000);
    }

    /// <summary>Publish-to-committed latencies in the core, published at <see cref="BenchSettings.IngestPacedRate"/>.</summary>
    public static async Task<IngestResult> CoreLatencyAsync(MosquittoBroker broker, BenchSettings settings, int count)
    {
        var envelopes = new IngestEnvelopes(settings.IngestHouseholds);
        await using var cloud = await WarmCloudAsync(broker, settings);
        var watching = cloud.WatchCommitsAsync(count, NowMilliseconds);
        var publishedAt = await PublishAsync(broker.Port, envelopes, count, () => (int)cloud.Counters.EnvelopesAccepted - WarmUpEnvelopes, settings.IngestPacedRate);
        var committed = await watching;
        return IngestResult.From(publishedAt, [.. Enumerable.Range(0, count).Select(i => committed[envelopes.KeyOf(i)])]);
    }

    private static async Task<BenchCloud> WarmCloudAsync(MosquittoBroker broker, BenchSettings settings)
    {
        var cloud = await BenchCloud.StartAsync(broker);
        await PublishAsync(broker.Port, new IngestEnvelopes(settings.IngestHouseholds, "warm-up-"), WarmUpEnvelopes, () => (int)cloud.Counters.EnvelopesAccepted);
        await Poll.UntilAsync(() => cloud.Counters.EnvelopesAccepted >= WarmUpEnvelopes, "the core to take in the warm-up");
        return cloud;
    }

    private static async Task<double[]> PublishAsync(int port, IngestEnvelopes envelopes, int count, Func<int> taken, double? pacedRate = null)
    {
        var publishedAt = new double[count];
        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(Options(port, "bench-ingest-publisher"));
        var start = NowMilliseconds();
        for (var i = 0; i < count; i++)
        {
            while (i - taken() >= MaxBacklog || (pacedRate is { } rate && NowMilliseconds() < start + (i * 1000 / rate)))
            {
                await Task.Delay(1);
            }

            var (topic, payload) = envelopes.Create(i, DateTimeOffset.UtcNow);
            publishedAt[i] = NowMilliseconds();
            await publisher.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        return publishedAt;
    }

    private static MqttClientOptions Options(int port, string clientId) => new MqttClientOptionsBuilder()
        .WithTcpServer("127.0.0.1", port).WithClientId(clientId).WithProtocolVersion(MqttProtocolVersion.V500).Build();

    /// <summary>Unix milliseconds, as the store records its times, with the fraction the clock gives.</summary>
    private static double NowMilliseconds() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;
}

/// <summary>Envelopes per second from the first publish to the last taken in, and the publish-to-taken-in latencies.</summary>
internal sealed record IngestResult(int Envelopes, double Rate, double P50Milliseconds, double P99Milliseconds)
{
    public static IngestResult From(double[] publishedAt, double[] takenAt)
    {
        var latencies = publishedAt.Zip(takenAt, (published, taken) => taken - published).Order().ToArray();
        var seconds = (takenAt.Max() - publishedAt.Min()) / 1000;
        return new(publishedAt.Length, publishedAt.Length / seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
}
