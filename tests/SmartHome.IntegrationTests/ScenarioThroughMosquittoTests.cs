using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Formatter;
using SmartHome.FirmwareSim.Fleet;
using SmartHome.FirmwareSim.Scenarios;
using SmartHome.Testing;

namespace SmartHome.IntegrationTests;

/// <summary>The shipped <c>sensor-faults</c> scenario at full speed against a real Mosquitto, with a subscriber playing the gateway.</summary>
public sealed class ScenarioThroughMosquittoTests : IAsyncDisposable
{
    private const string StatusTopic = "appliance/faulty-fridge/status";
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private readonly string _brokerLog = Path.Combine(Path.GetTempPath(), $"shg-scenario-{Guid.NewGuid():N}.log");
    private readonly IMqttClient _gateway = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<(string Topic, string Payload, bool Retain)> _received = new();

    [Fact]
    public async Task SensorFaults_MaxSpeed_TheWillMarksTheOutageAndEveryCountedMessageArrives()
    {
        // Mosquitto flushes its log file line by line (its stdout is buffered when piped).
        await using var broker = await MosquittoBroker.StartAsync($"log_dest file {_brokerLog}");
        await SubscribeAsync(broker.Port);
        var scenario = ScenarioLibrary.Shipped.Find("sensor-faults");
        var engine = new ScenarioEngine(scenario, scenario.Seed, Start);
        using var sut = new ScenarioRunner(engine, new LinkAddress("127.0.0.1", broker.Port), ScenarioSpeed.Max, TimeProvider.System, NullLogger.Instance);

        var report = await sut.RunAsync(_timeout.Token);

        Assert.True(report.Completed);
        Assert.Equal(["door-bounce", "malformed", "offline", "probe-85", "probe-disconnected", "probe-silent", "probe-stuck"], report.FaultsInjected.Keys);
        Assert.Equal(1, report.LinkDrops);
        Assert.Equal(0, report.Dropped);

        // Everything the report counts, plus the offline status the broker published for the appliance (its will).
        await Eventually.TrueAsync(() => _received.Count >= report.Total + 1, Patience, $"{report.Total + 1} messages at the subscriber");
        var received = _received.ToList();
        var byChannel = received.GroupBy(m => m.Topic[(m.Topic.LastIndexOf('/') + 1)..]).ToDictionary(g => g.Key, g => (long)g.Count());
        byChannel["status"]--;
        Assert.Equal(report.SentByChannel.OrderBy(c => c.Key), byChannel.OrderBy(c => c.Key));

        var statuses = received.Select((m, i) => (m, i)).Where(x => x.m.Topic == StatusTopic)
            .Select(x => (State: JsonDocument.Parse(x.m.Payload).RootElement.GetProperty("state").GetString(), x.m.Retain, Index: x.i)).ToList();
        Assert.Equal(["online", "offline", "online", "offline"], statuses.Select(s => s.State));
        Assert.All(statuses, s => Assert.True(s.Retain));
        var willAt = statuses[1].Index;
        var backAt = statuses[2].Index;

        // What fell due during the outage (16:00 to 16:30 simulated) went out after the appliance was back, with its own time.
        var outageFrom = Start + TimeSpan.FromHours(16);
        var outageUntil = outageFrom + TimeSpan.FromMinutes(30);
        var kept = received.Select((m, i) => (m, i)).Where(x => x.m.Topic != StatusTopic && At(x.m.Payload) is { } at && at >= outageFrom && at < outageUntil).ToList();
        Assert.True(kept.Count >= 60, $"{kept.Count} messages from the outage");
        Assert.All(kept, x => Assert.True(x.i > backAt, $"{x.m.Topic} at index {x.i}, back online at {backAt}"));
        Assert.DoesNotContain(received.Take(willAt), m => m.Topic != StatusTopic && At(m.Payload) >= outageFrom);

        // Mosquitto logs "closed its connection" when the socket closes without a DISCONNECT: the drop, not the clean end.
        var log = await File.ReadAllTextAsync(_brokerLog, _timeout.Token);
        Assert.Single(log.Split('\n'), line => line.Contains("Client faulty-fridge closed its connection.", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway.IsConnected)
        {
            await _gateway.DisconnectAsync();
        }

        _gateway.Dispose();
        File.Delete(_brokerLog);
        _timeout.Dispose();
    }

    private static DateTimeOffset? At(string payload)
    {
        try
        {
            return JsonDocument.Parse(payload).RootElement.TryGetProperty("at", out var at) && at.TryGetDateTimeOffset(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>MQTT 5 with retain-as-published, so the subscriber can tell a retained status from a live one.</summary>
    private async Task SubscribeAsync(int port)
    {
        _gateway.ApplicationMessageReceivedAsync += args =>
        {
            _received.Enqueue((args.ApplicationMessage.Topic, args.ApplicationMessage.ConvertPayloadToString(), args.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
        await _gateway.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500).Build(), _timeout.Token);
        var subscription = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(filter => filter.WithTopic("appliance/#").WithAtLeastOnceQoS().WithRetainAsPublished())
            .Build();
        await _gateway.SubscribeAsync(subscription, _timeout.Token);
    }
}
