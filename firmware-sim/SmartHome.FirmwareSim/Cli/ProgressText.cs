using System.Globalization;
using SmartHome.FirmwareSim.Mqtt;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>The progress and summary lines the command line prints.</summary>
internal static class ProgressText
{
    public static string Progress(TimeSpan elapsed, SimulatorStatistics statistics, double messagesPerSecond) => string.Create(CultureInfo.InvariantCulture,
        $"[{elapsed:hh\\:mm\\:ss}] link {statistics.LinkState.ToString().ToLowerInvariant()} · sent {statistics.PublishedTotal} ({ByChannel(statistics)}) · {messagesPerSecond:0.0} msg/s");

    public static string Summary(TimeSpan elapsed, SimulatorStatistics statistics) => string.Create(CultureInfo.InvariantCulture,
        $"Sent {statistics.PublishedTotal} messages in {elapsed:hh\\:mm\\:ss} ({ByChannel(statistics)}), {Rate(statistics.PublishedTotal, elapsed):0.0} msg/s; connected {statistics.Connections} time(s), dropped {statistics.Dropped}.");

    public static double Rate(long messages, TimeSpan over) => over > TimeSpan.Zero ? messages / over.TotalSeconds : 0;

    private static string ByChannel(SimulatorStatistics statistics) =>
        statistics.PublishedByChannel.Count == 0 ? "nothing yet" : string.Join(", ", statistics.PublishedByChannel.Select(c => $"{c.Key} {c.Value}"));
}
