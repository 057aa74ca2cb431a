using Microsoft.Extensions.Logging;
using SmartHome.FirmwareSim.Fleet;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>Runs the <c>fleet</c> command in the terminal: progress lines while it runs, a summary per link at the end.</summary>
internal static class FleetConsole
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(FleetCommand command, TimeProvider timeProvider, TextWriter output)
    {
        // Warnings only: a thousand appliances each logging their connection would bury the progress lines.
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            }));
        using var stop = command.Duration is { } duration ? new CancellationTokenSource(duration, timeProvider) : new CancellationTokenSource();
        ConsoleCancelEventHandler onCtrlC = (_, args) =>
        {
            args.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        try
        {
            return await RunAsync(command.Plan, timeProvider, loggerFactory.CreateLogger<ApplianceFleet>(), output, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
    }

    private static async Task<int> RunAsync(FleetPlan plan, TimeProvider timeProvider, ILogger logger, TextWriter output, CancellationToken stoppingToken)
    {
        output.WriteLine(ProgressText.FleetStart(plan));
        var fleet = new ApplianceFleet(plan, timeProvider, logger);
        var startedAt = timeProvider.GetTimestamp();
        using var progressDone = new CancellationTokenSource();
        var progress = ReportProgressAsync(fleet, timeProvider, startedAt, output, progressDone.Token);

        var report = await fleet.RunAsync(stoppingToken);
        await progressDone.CancelAsync();
        await progress;
        output.WriteLine(ProgressText.FleetSummary(timeProvider.GetElapsedTime(startedAt), report));
        return 0;
    }

    private static async Task ReportProgressAsync(ApplianceFleet fleet, TimeProvider timeProvider, long startedAt, TextWriter output, CancellationToken cancellationToken)
    {
        var lastTotal = 0L;
        using var timer = new PeriodicTimer(ReportEvery, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var report = fleet.Report();
                output.WriteLine(ProgressText.FleetProgress(timeProvider.GetElapsedTime(startedAt), report, ProgressText.Rate(report.Total - lastTotal, ReportEvery)));
                lastTotal = report.Total;
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over; the summary follows.
        }
    }
}
