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
    private readonly NotifySocket _systemd = new();
    private readonly ProcessEnvironment _environment;

    public SystemdHostTests() =>
        _environment = new(new Dictionary<string, string> { ["NOTIFY_SOCKET"] = _systemd.Path, ["WATCHDOG_USEC"] = "10000000" });

    public void Dispose()
    {
        _environment.Dispose();
        _systemd.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task AddGateway_UnderNotifySocket_ReportsReadyPingsWhileAliveAndStopping()
    {
        await using var sut = BuildGateway();

        await sut.StartAsync();
        await ArrivesAsync("READY=1", 1);
        await ArrivesAsync("WATCHDOG=1", 1);
        _time.Advance(PingInterval);
        await ArrivesAsync("WATCHDOG=1", 2);
        await sut.StopAsync();
        await ArrivesAsync("STOPPING=1", 1);

        Assert.Equal(1, _systemd.Count("READY=1"));
    }

    [Fact]
    public async Task AddGateway_PipelineStuck_WithholdsWatchdogPingsUntilItIsAliveAgain()
    {
        await using var sut = BuildGateway();
        await sut.StartAsync();
        await ArrivesAsync("WATCHDOG=1", 1);

        _pipeline.Problem = "the uplink loop failed: test";
        _time.Advance(PingInterval);
        await Eventually.TrueAsync(() => Task.FromResult(_pipeline.Calls >= 2), Timeout, "the watchdog to look at the stuck pipeline");
        _time.Advance(PingInterval);
        await Eventually.TrueAsync(() => Task.FromResult(_pipeline.Calls >= 3), Timeout, "the watchdog to look again");
        _pipeline.Problem = null;
        _time.Advance(PingInterval);
        await ArrivesAsync("WATCHDOG=1", 2);
        await sut.StopAsync();

        // Datagrams arrive in the order they were sent: had a stuck round pinged, the ping after it would be the fourth.
        Assert.Equal(2, _systemd.Count("WATCHDOG=1"));
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

    private Task ArrivesAsync(string assignment, int count) =>
        Eventually.TrueAsync(() => Task.FromResult(_systemd.Count(assignment) >= count), Timeout, $"{count} × {assignment}");

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
