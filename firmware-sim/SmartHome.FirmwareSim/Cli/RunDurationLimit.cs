using Microsoft.Extensions.Hosting;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>Stops the application once <c>--duration</c> has passed.</summary>
internal sealed class RunDurationLimit(TimeSpan duration, TimeProvider timeProvider, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(duration, timeProvider, stoppingToken);
        lifetime.StopApplication();
    }
}
