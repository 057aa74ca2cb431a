using Microsoft.Extensions.Hosting;
using SmartHome.FirmwareSim.Mqtt;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>Prints a progress line every few seconds, and a summary once the host has stopped.</summary>
internal sealed class ConsoleProgressReporter(
    SimulatorStatistics statistics,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    TextWriter output) : BackgroundService
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        lifetime.ApplicationStopped.Register(() => output.WriteLine(ProgressText.Summary(timeProvider.GetUtcNow() - startedAt, statistics)));

        var lastTotal = 0L;
        using var timer = new PeriodicTimer(ReportEvery, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var total = statistics.PublishedTotal;
            output.WriteLine(ProgressText.Progress(timeProvider.GetUtcNow() - startedAt, statistics, ProgressText.Rate(total - lastTotal, ReportEvery)));
            lastTotal = total;
        }
    }
}
