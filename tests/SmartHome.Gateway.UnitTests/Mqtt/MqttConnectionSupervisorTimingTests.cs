using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using SmartHome.Gateway.Mqtt;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Mqtt;

/// <summary>The supervisor's waits on a fake clock: the boot jitter, and when the backoff starts over.</summary>
public sealed class MqttConnectionSupervisorTimingTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly MqttConnectionTimings Timings = new()
    {
        BackoffInitial = TimeSpan.FromSeconds(1),
        BackoffCap = TimeSpan.FromSeconds(60),
        StableAfter = TimeSpan.FromSeconds(30),
    };

    private readonly EmbeddedMqttBroker _broker = new();
    private readonly TimerWatchingTimeProvider _time = new();
    private readonly CancellationTokenSource _stopping = new();
    private MqttConnectionSupervisor? _sut;
    private Task _run = Task.CompletedTask;
    private int _prepared;

    public Task InitializeAsync() => _broker.StartAsync();

    public async Task DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _run;
        _sut?.Dispose();
        _stopping.Dispose();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_BootJitter_WaitsItsRandomShareBeforeTheFirstAttempt()
    {
        var sut = Start(Timings with { BootJitter = TimeSpan.FromMinutes(10) }, unitRandom: 0.5);

        await Eventually.TrueAsync(() => !_time.DueTimes.IsEmpty, Timeout, "the boot delay to start");
        Assert.Equal([TimeSpan.FromMinutes(5)], _time.DueTimes);
        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        Assert.Equal(0, Volatile.Read(ref _prepared));

        _time.Advance(TimeSpan.FromTicks(1));

        await Eventually.TrueAsync(() => Volatile.Read(ref _prepared) == 1 && sut.Client.IsConnected, Timeout, "the first connection after the boot delay");
    }

    [Fact]
    public async Task RunAsync_ShortConnectionsKeepBackingOff_AndOnlyAStableOneResetsTheBackoff()
    {
        var sut = Start(Timings, unitRandom: 1.0);
        await Eventually.TrueAsync(() => Volatile.Read(ref _prepared) == 1 && sut.Client.IsConnected, Timeout, "the first connection, without boot jitter");
        Assert.Empty(_time.DueTimes);

        await EndAndReconnectAsync(sut, connected: 2);
        await EndAndReconnectAsync(sut, connected: 3);
        _time.Advance(Timings.StableAfter);
        await EndAndReconnectAsync(sut, connected: 4);

        // 1 s, then 2 s after a connection that lasted no time at all, then 1 s again after one that lasted StableAfter.
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)], _time.DueTimes);
    }

    private MqttConnectionSupervisor Start(MqttConnectionTimings timings, double unitRandom)
    {
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _broker.Port).WithClientId("timing-test").Build();
        _sut = new("Test link", options, $"127.0.0.1:{_broker.Port}", timings, _time, NullLogger.Instance, unitRandom: () => unitRandom);
        _run = _sut.RunAsync(
            (_, _) =>
            {
                Interlocked.Increment(ref _prepared);
                return Task.FromResult<string?>(null);
            },
            work: null,
            _stopping.Token);
        return _sut;
    }

    /// <summary>Ends the live connection, waits until the backoff delay has started, and advances the clock past it.</summary>
    private async Task EndAndReconnectAsync(MqttConnectionSupervisor sut, int connected)
    {
        var delays = _time.DueTimes.Count;
        sut.EndConnection("test");
        await Eventually.TrueAsync(() => _time.DueTimes.Count == delays + 1, Timeout, "the backoff delay to start");
        _time.Advance(_time.DueTimes.Last());
        await Eventually.TrueAsync(() => Volatile.Read(ref _prepared) == connected && sut.Client.IsConnected, Timeout, $"connection {connected}");
    }
}
