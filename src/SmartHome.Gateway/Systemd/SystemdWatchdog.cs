using Microsoft.Extensions.Hosting.Systemd;

namespace SmartHome.Gateway.Systemd;

/// <summary>
/// Sends <c>WATCHDOG=1</c> every <see cref="WatchdogSettings.PingInterval"/> while every <see cref="ILivenessCheck"/>
/// passes. A failed check withholds the pings, so systemd restarts the gateway once the unit's <c>WatchdogSec</c>
/// runs out; a hung process stops them anyway, since this loop then no longer runs.
/// </summary>
internal sealed class SystemdWatchdog(
    ISystemdNotifier notifier, WatchdogSettings settings, IEnumerable<ILivenessCheck> checks, TimeProvider time, ILogger<SystemdWatchdog> logger)
    : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled)
        {
            return;
        }

        Log.WatchdogStarted(logger, settings.PingInterval);
        using var timer = new PeriodicTimer(settings.PingInterval, time);
        string? previous = null;
        do
        {
            var problem = FindProblem();
            if (problem is null)
            {
                notifier.Notify(Ping);
                if (previous is not null)
                {
                    Log.PingsResumed(logger);
                }
            }
            else if (problem != previous)
            {
                Log.PingsWithheld(logger, problem);
            }

            previous = problem;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private string? FindProblem() => checks.Select(check => check.FindProblem()).FirstOrDefault(problem => problem is not null);
}
