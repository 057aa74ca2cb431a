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
        using var loggerFactory = ConsoleSession.WarningsOnly();
        using var stop = command.Duration is { } duration ? new CancellationTokenSource(duration, timeProvider) : new CancellationTokenSource();
        return await ConsoleSession.RunUntilCtrlCAsync(stop, token => RunAsync(command.Plan, timeProvider, loggerFactory.CreateLogger<ApplianceFleet>(), output, token));
    }

    private static async Task<int> RunAsync(FleetPlan plan, TimeProvider timeProvider, ILogger logger, TextWriter output, CancellationToken stoppingToken)
    {
        output.WriteLine(ProgressText.FleetStart(plan));
        var fleet = new ApplianceFleet(plan, timeProvider, logger);
        var startedAt = timeProvider.GetTimestamp();
        using var progressDone = new CancellationTokenSource();
        var progress = ConsoleSession.ReportProgressAsync(output, ReportEvery, timeProvider, () => fleet.Report().Total,
            (elapsed, rate) => ProgressText.FleetProgress(elapsed, fleet.Report(), rate), progressDone.Token);

        var report = await fleet.RunAsync(stoppingToken);
        await progressDone.CancelAsync();
        await progress;
        output.WriteLine(ProgressText.FleetSummary(timeProvider.GetElapsedTime(startedAt), report));
        return 0;
    }
}
