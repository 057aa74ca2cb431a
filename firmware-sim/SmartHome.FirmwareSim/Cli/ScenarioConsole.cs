using Microsoft.Extensions.Logging;
using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>Runs the <c>scenario</c> command in the terminal: a start line, progress lines while it runs, a summary at the end.</summary>
internal static class ScenarioConsole
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(ScenarioCommand command, TimeProvider timeProvider, TextWriter output, TextWriter error)
    {
        using var loggerFactory = ConsoleSession.WarningsOnly();
        using var stop = new CancellationTokenSource();
        return await ConsoleSession.RunUntilCtrlCAsync(stop, token => RunAsync(command, timeProvider, loggerFactory.CreateLogger<ScenarioRunner>(), output, error, token));
    }

    /// <summary>Plays the scenario until its end or <paramref name="stoppingToken"/>; 2 when the scenario cannot be played.</summary>
    internal static async Task<int> RunAsync(ScenarioCommand command, TimeProvider timeProvider, ILogger logger, TextWriter output, TextWriter error, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ScenarioEngine engine;
        try
        {
            var start = command.Start ?? ScenarioClock.DefaultStart(command.Scenario.Duration, command.Speed, timeProvider.GetUtcNow());
            engine = new ScenarioEngine(command.Scenario, command.Seed, start, command.ApplianceId);
        }
        catch (ScenarioException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return 2;
        }

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
