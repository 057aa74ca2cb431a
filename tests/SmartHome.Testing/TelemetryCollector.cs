using System.Collections.Concurrent;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace SmartHome.Testing;

/// <summary>
/// Takes in a gateway's telemetry the way the cloud core does: a persistent QoS 1 session on the broker, and the
/// first envelope of each (gateway, seq) kept, later ones with that key dropped as duplicates.
/// </summary>
public sealed class TelemetryCollector : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly ConcurrentDictionary<(string Gateway, long Seq), Envelope> _kept = new();
    private int _duplicates;
    private int _records;
    private int _conflicts;

    private TelemetryCollector(IMqttClient client) => _client = client;

    /// <summary>Envelopes dropped because their (gateway, seq) was already kept.</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Duplicates whose message id differs from the kept one: a reused seq, whose records the cloud would lose.</summary>
    public int Conflicts => Volatile.Read(ref _conflicts);

    /// <summary>Records in the kept envelopes.</summary>
    public int Records => Volatile.Read(ref _records);

    public long LastSeq(string gatewayId) => _kept.Keys.Where(k => k.Gateway == gatewayId).Select(k => k.Seq).DefaultIfEmpty(0).Max();

    /// <summary>The item ids of every kept envelope's records.</summary>
    public HashSet<string> ItemIds() => _kept.Values.SelectMany(e => e.ItemIds).ToHashSet(StringComparer.Ordinal);

    public static async Task<TelemetryCollector> ConnectAsync(int port, string telemetryTopic)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var collector = new TelemetryCollector(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            collector.Take(e.ApplicationMessage.Payload);
            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"telemetry-collector-{Guid.NewGuid():N}")
            .WithCleanStart(false)
            .WithSessionExpiryInterval(uint.MaxValue)
            .Build());
        await client.SubscribeAsync(telemetryTopic, MqttQualityOfServiceLevel.AtLeastOnce);
        return collector;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private void Take(System.Buffers.ReadOnlySequence<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        using var json = JsonDocument.ParseValue(ref reader);
        var root = json.RootElement;
        var key = (root.GetProperty("gatewayId").GetString()!, root.GetProperty("seq").GetInt64());
        var envelope = new Envelope(
            root.GetProperty("messageId").GetGuid(),
            [.. root.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("itemId").GetString()!)]);
        var kept = _kept.GetOrAdd(key, envelope);
        if (ReferenceEquals(kept, envelope))
        {
            Interlocked.Add(ref _records, envelope.ItemIds.Length);
        }
        else
        {
            Interlocked.Increment(ref _duplicates);
            if (kept.MessageId != envelope.MessageId)
            {
                Interlocked.Increment(ref _conflicts);
            }
        }
    }

    private sealed record Envelope(Guid MessageId, string[] ItemIds);
}
