using SmartHome.Deploy.IntegrationTests.Support;
using SmartHome.Testing;

namespace SmartHome.Deploy.IntegrationTests;

/// <summary>The built gateway started the way a <c>Type=notify</c> unit with <c>WatchdogSec=</c> starts it.</summary>
public sealed class SystemdNotifyTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("shg-systemd-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Gateway_UnderNotifySocketWithWatchdog_ReportsReadyPingsAndStopping()
    {
        using var systemd = new NotifySocket();
        var commandLine = new GatewayCommandLine();
        await using var sut = ChildProcess.Start(
            DeployPaths.BuiltGateway,
            commandLine.Arguments(Path.Combine(_directory.FullName, "outbox")),
            _directory.FullName,
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = systemd.Path, ["WATCHDOG_USEC"] = "1000000" });

        await ArrivesAsync(systemd, "READY=1", 1, sut);
        await ArrivesAsync(systemd, "WATCHDOG=1", 3, sut);
        Assert.Equal(0, systemd.Count("STOPPING=1"));
        await sut.TerminateAsync();
        await ArrivesAsync(systemd, "STOPPING=1", 1, sut);

        Assert.Equal(0, await sut.WaitForExitAsync(Timeout));
        Assert.Equal(1, systemd.Count("READY=1"));
    }

    private static Task ArrivesAsync(NotifySocket systemd, string assignment, int count, ChildProcess gateway) =>
        Eventually.TrueAsync(
            () => Task.FromResult(systemd.Count(assignment) >= count || (gateway.HasExited ? throw new InvalidOperationException(gateway.Output) : false)),
            Timeout,
            $"{count} × {assignment} from the gateway");
}
