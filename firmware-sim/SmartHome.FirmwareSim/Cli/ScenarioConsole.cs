using Microsoft.Extensions.Logging;
using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>Runs the <c>scenario</c> command in the terminal: a start line, progress lines while it runs, a summary at the end.</summary>
internal static class ScenarioConsole
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(ScenarioCommand command, TimeProvider timeProvider, TextWriter output)
    {
        using var loggerFactory = ConsoleSession.WarningsOnly();
        using var stop = new CancellationTokenSource();
        return await ConsoleSession.RunUntilCtrlCAsync(stop, token => RunAsync(command, timeProvider, loggerFactory.CreateLogger<ScenarioRunner>(), output, token));
    }

    /// <summary>Plays the scenario until its end or <paramref name="stoppingToken"/>.</summary>
    internal static async Task<int> RunAsync(ScenarioCommand command, TimeProvider timeProvider, ILogger logger, TextWriter output, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var start = command.Start ?? ScenarioClock.DefaultStart(command.Scenario.Duration, command.Speed, timeProvider.GetUtcNow(), command.Scenario.Household.UtcOffset);
        var engine = new ScenarioEngine(command.Scenario, command.Seed, start, command.ApplianceId);

        output.WriteLine(ProgressText.ScenarioStart(engine, command));
        using var runner = new ScenarioRunner(engine, command.Link, command.Speed, timeProvider, logger);
        using var progressDone = new CancellationTokenSource();
        var progress = ConsoleSession.ReportProgressAsync(output, ReportEvery, timeProvider, () => runner.Progress().Sent,
            (elapsed, rate) => ProgressText.ScenarioProgress(elapsed, runner.Progress(), rate), progressDone.Token);

        var report = await runner.RunAsync(stoppingToken);
        await progressDone.CancelAsync();
        await progress;
        output.WriteLine(ProgressText.ScenarioSummary(report));
        return 0;
    }
}
