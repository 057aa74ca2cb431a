using Microsoft.Extensions.Logging;
using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>Runs the <c>scenario</c> command in the terminal: a start line, progress lines while it runs, a summary at the end.</summary>
internal static class ScenarioConsole
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(ScenarioCommand command, TimeProvider timeProvider, TextWriter output, TextWriter error)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            }));
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCtrlC = (_, args) =>
        {
            args.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        try
        {
            return await RunAsync(command, timeProvider, loggerFactory.CreateLogger<ScenarioRunner>(), output, error, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
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
        var progress = ReportProgressAsync(runner, timeProvider, output, progressDone.Token);

        var report = await runner.RunAsync(stoppingToken);
        await progressDone.CancelAsync();
        await progress;
        output.WriteLine(ProgressText.ScenarioSummary(report));
        return 0;
    }

    private static async Task ReportProgressAsync(ScenarioRunner runner, TimeProvider timeProvider, TextWriter output, CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetTimestamp();
        var lastSent = 0L;
        using var timer = new PeriodicTimer(ReportEvery, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var progress = runner.Progress();
                output.WriteLine(ProgressText.ScenarioProgress(timeProvider.GetElapsedTime(startedAt), progress, ProgressText.Rate(progress.Sent - lastSent, ReportEvery)));
                lastSent = progress.Sent;
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over; the summary follows.
        }
    }
}
