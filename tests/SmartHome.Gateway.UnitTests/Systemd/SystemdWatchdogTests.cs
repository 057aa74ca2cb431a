using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Gateway.Systemd;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Systemd;

public sealed class SystemdWatchdogTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingNotifier _notifier = new();
    private readonly SwitchableLivenessCheck _check = new();

    [Fact]
    public async Task ExecuteAsync_PipelineAlive_PingsAtStartAndEveryInterval()
    {
        using var sut = CreateSut();

        await sut.StartAsync(CancellationToken.None);
        await PingsAsync(1);
        _time.Advance(Interval);
        await PingsAsync(2);
        _time.Advance(Interval);
        await PingsAsync(3);
        await sut.StopAsync(CancellationToken.None);

        Assert.All(_notifier.States, state => Assert.Equal("WATCHDOG=1", state));
    }

    [Fact]
    public async Task ExecuteAsync_PipelineStuck_WithholdsPingsUntilItIsAliveAgain()
    {
        using var sut = CreateSut();
        await sut.StartAsync(CancellationToken.None);
        await PingsAsync(1);

        _check.Problem = "the uplink loop failed: boom";
        _time.Advance(Interval);
        await ChecksAsync(2);
        _time.Advance(Interval);
        await ChecksAsync(3);
        _check.Problem = null;
        _time.Advance(Interval);
        await ChecksAsync(4);
        await PingsAsync(2);
        await sut.StopAsync(CancellationToken.None);

        // The pings are sent in order after their checks: had a stuck round pinged, there would be four by now.
        Assert.Equal(2, _notifier.States.Count);
    }

    [Fact]
    public async Task ExecuteAsync_NotUnderSystemd_SendsNothing()
    {
        _notifier.IsEnabled = false;
        using var sut = CreateSut();

        await sut.StartAsync(CancellationToken.None);
        await sut.ExecuteTask!;

        Assert.Empty(_notifier.States);
        Assert.Equal(0, _check.Calls);
    }

    private SystemdWatchdog CreateSut() =>
        new(_notifier, new WatchdogSettings(Interval), [_check], _time, NullLogger<SystemdWatchdog>.Instance);

    private Task PingsAsync(int count) =>
        Eventually.TrueAsync(() => Task.FromResult(_notifier.States.Count >= count), Timeout, $"{count} watchdog pings");

    private Task ChecksAsync(int count) =>
        Eventually.TrueAsync(() => Task.FromResult(_check.Calls >= count), Timeout, $"{count} liveness checks");

    private sealed class RecordingNotifier : ISystemdNotifier
    {
        public ConcurrentQueue<string> States { get; } = new();

        public bool IsEnabled { get; set; } = true;

        public void Notify(ServiceState state) => States.Enqueue(state.ToString());
    }
}
