using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Gateway.Systemd;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Systemd;

/// <summary>The gateway host as a <c>Type=notify</c> unit with <c>WatchdogSec=10</c> runs it, talking to a real notify socket.</summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class SystemdHostTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(5);
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new();
    private readonly SwitchableLivenessCheck _pipeline = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AddGateway_UnderNotifySocket_ReportsReadyPingsWhileAliveAndStopping()
    {
        using var systemd = new NotifySocket();
        using var environment = new ProcessEnvironment(new Dictionary<string, string> { ["NOTIFY_SOCKET"] = systemd.Path, ["WATCHDOG_USEC"] = "10000000" });
        await using var sut = BuildGateway();

        await sut.StartAsync();
        await ArrivesAsync(systemd, "READY=1", 1);
        await ArrivesAsync(systemd, "WATCHDOG=1", 1);
        _time.Advance(PingInterval);
        await ArrivesAsync(systemd, "WATCHDOG=1", 2);
        await sut.StopAsync();
        await ArrivesAsync(systemd, "STOPPING=1", 1);

        Assert.Equal(1, systemd.Count("READY=1"));
    }

    [Fact]
    public async Task AddGateway_PipelineStuck_WithholdsWatchdogPingsUntilItIsAliveAgain()
    {
        using var systemd = new NotifySocket();
        using var environment = new ProcessEnvironment(new Dictionary<string, string> { ["NOTIFY_SOCKET"] = systemd.Path, ["WATCHDOG_USEC"] = "10000000" });
        await using var sut = BuildGateway();
        await sut.StartAsync();
        await ArrivesAsync(systemd, "WATCHDOG=1", 1);

        _pipeline.Problem = "the uplink loop failed: test";
        _time.Advance(PingInterval);
        await Eventually.TrueAsync(() => Task.FromResult(_pipeline.Calls >= 2), Timeout, "the watchdog to look at the stuck pipeline");
        _time.Advance(PingInterval);
        await Eventually.TrueAsync(() => Task.FromResult(_pipeline.Calls >= 3), Timeout, "the watchdog to look again");
        _pipeline.Problem = null;
        _time.Advance(PingInterval);
        await ArrivesAsync(systemd, "WATCHDOG=1", 2);
        await sut.StopAsync();

        // Datagrams arrive in the order they were sent: had a stuck round pinged, the ping after it would be the fourth.
        Assert.Equal(2, systemd.Count("WATCHDOG=1"));
    }

    private WebApplication BuildGateway()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = _directory.Path });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SmartHome:Gateway:HouseholdId"] = "home-1",
            ["SmartHome:Gateway:GatewayId"] = "gw-1",
            ["SmartHome:Gateway:Uplink:Port"] = Port(FreePort.Next()),
            ["SmartHome:Gateway:ApplianceLink:Port"] = Port(FreePort.Next()),
            ["SmartHome:Gateway:Health:Port"] = Port(FreePort.Next()),
            ["SmartHome:Gateway:Outbox:Path"] = Path.Combine(_directory.Path, "outbox"),
        });
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<ILivenessCheck>(_pipeline);
        builder.AddGateway();
        return builder.Build();
    }

    private static Task ArrivesAsync(NotifySocket systemd, string assignment, int count) =>
        Eventually.TrueAsync(() => Task.FromResult(systemd.Count(assignment) >= count), Timeout, $"{count} × {assignment}");

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
