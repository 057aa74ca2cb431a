using Microsoft.Extensions.Logging;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>What the <c>fleet</c> and <c>scenario</c> commands share in the terminal: quiet logs, Ctrl+C, progress lines.</summary>
internal static class ConsoleSession
{
    /// <summary>Warnings only (a lost link, say), on single lines, so the progress lines stay readable.</summary>
    public static ILoggerFactory WarningsOnly() => LoggerFactory.Create(logging => logging
        .SetMinimumLevel(LogLevel.Warning)
        .AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        }));

    /// <summary>Runs <paramref name="run"/> with Ctrl+C cancelling <paramref name="stop"/> instead of ending the process.</summary>
    public static async Task<T> RunUntilCtrlCAsync<T>(CancellationTokenSource stop, Func<CancellationToken, Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(stop);
        ArgumentNullException.ThrowIfNull(run);
        ConsoleCancelEventHandler onCtrlC = (_, args) =>
        {
            args.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        try
        {
            return await run(stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
    }

    /// <summary>
    /// Every <paramref name="every"/> until cancelled, writes <paramref name="line"/>(time since the start, messages per
    /// second since the last line), the rate taken from the running total <paramref name="sent"/>.
    /// </summary>
    public static async Task ReportProgressAsync(
        TextWriter output, TimeSpan every, TimeProvider timeProvider, Func<long> sent, Func<TimeSpan, double, string> line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(line);
        var startedAt = timeProvider.GetTimestamp();
        var lastSent = 0L;
        using var timer = new PeriodicTimer(every, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var total = sent();
                output.WriteLine(line(timeProvider.GetElapsedTime(startedAt), ProgressText.Rate(total - lastSent, every)));
                lastSent = total;
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over; the summary follows.
        }
    }
}
