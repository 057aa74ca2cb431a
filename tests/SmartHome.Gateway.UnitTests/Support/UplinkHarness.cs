using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SmartHome.Contracts;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.Clock;
using SmartHome.Gateway.Health;
using SmartHome.Gateway.Mqtt;
using SmartHome.Gateway.Options;
using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.Uplink;

namespace SmartHome.Gateway.UnitTests.Support;

/// <summary>The gateway's uplink with a real outbox in a temporary directory, pointed at a test broker.</summary>
internal sealed class UplinkHarness : IAsyncDisposable
{
    public static readonly MqttConnectionTimings FastConnectionTimings = new()
    {
        BackoffInitial = TimeSpan.FromMilliseconds(20),
        BackoffCap = TimeSpan.FromMilliseconds(200),
    };

    public static readonly UplinkTimings FastTimings = new()
    {
        Connection = FastConnectionTimings,
        RefusedRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    private readonly TempDirectory _directory = new();

    private UplinkHarness(int brokerPort, TimeProvider time, UplinkTimings timings, Action<UplinkOptions>? configure, IClockSyncProbe? clockProbe)
    {
        Time = time;
        Metrics = TestData.NewMetrics();
        Clock = FakeClockSyncProbe.Clock(time, clockProbe);
        Outbox = TestOutbox.Open(_directory.Path, Metrics, time, clock: Clock, identity: Identity);
        Connectivity = new UplinkConnectivity(time, Metrics);
        var options = new GatewayOptions
        {
            HouseholdId = Identity.HouseholdId,
            GatewayId = Identity.GatewayId,
            Uplink = new() { Host = "127.0.0.1", Port = brokerPort, BootJitter = TimeSpan.Zero },
        };
        configure?.Invoke(options.Uplink);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var publisher = new EnvelopePublisher(Outbox, Identity, Clock, wrapped, timings, time, Metrics, NullLogger<EnvelopePublisher>.Instance);
        var notifications = new NotificationReceiver(
            Identity, new SeenNotifications(null), [Notifications], Metrics, NullLogger<NotificationReceiver>.Instance);
        Sut = new UplinkService(
            wrapped, Identity, Connectivity, publisher, notifications, timings, time, NullLogger<UplinkService>.Instance);
    }

    public GatewayIdentity Identity { get; } = TestData.Identity with { BootId = Guid.NewGuid() };

    public TimeProvider Time { get; }

    public GatewayMetrics Metrics { get; }

    /// <summary>The household notifications the uplink passed on, in order.</summary>
    public RecordingNotificationObserver Notifications { get; } = new();

    public GatewayClock Clock { get; }

    public DurableOutbox Outbox { get; }

    public UplinkConnectivity Connectivity { get; }

    public UplinkService Sut { get; }

    public string ClientId => MqttClientIds.Uplink(Identity);

    public string TelemetryTopic => Topics.Telemetry(Identity.HouseholdId, Identity.GatewayId);

    /// <summary>The telemetry envelopes <paramref name="subscriber"/> received from this gateway, in arrival order.</summary>
    public IEnumerable<TelemetryEnvelope> Envelopes(TestSubscriber subscriber) =>
        subscriber.On(TelemetryTopic).Select(message => JsonSerializer.Deserialize(message.Payload, ContractsJsonContext.Default.TelemetryEnvelope)!);

    public string StatusTopic => Topics.GatewayStatus(Identity.HouseholdId, Identity.GatewayId);

    public static async Task<UplinkHarness> StartAsync(
        int brokerPort,
        TimeProvider? time = null,
        UplinkTimings? timings = null,
        Action<UplinkOptions>? configure = null,
        IClockSyncProbe? clockProbe = null)
    {
        var harness = Create(brokerPort, time, timings, configure, clockProbe);
        await harness.Sut.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>A harness whose uplink is not started yet, so that a test can fill the outbox first.</summary>
    public static UplinkHarness Create(
        int brokerPort,
        TimeProvider? time = null,
        UplinkTimings? timings = null,
        Action<UplinkOptions>? configure = null,
        IClockSyncProbe? clockProbe = null) =>
        new(brokerPort, time ?? TimeProvider.System, timings ?? FastTimings, configure, clockProbe);

    public async ValueTask DisposeAsync()
    {
        await Sut.StopAsync(CancellationToken.None);
        Sut.Dispose();
        await Outbox.DisposeAsync();
        _directory.Dispose();
    }
}
