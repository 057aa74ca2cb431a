using System.Globalization;
using SmartHome.FirmwareSim.Fleet;
using SmartHome.FirmwareSim.Mqtt;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>The progress and summary lines the command line prints.</summary>
internal static class ProgressText
{
    public static string Progress(TimeSpan elapsed, SimulatorStatistics statistics, double messagesPerSecond) => string.Create(CultureInfo.InvariantCulture,
        $"[{elapsed:hh\\:mm\\:ss}] link {statistics.LinkState.ToString().ToLowerInvariant()} · sent {statistics.PublishedTotal} ({ByChannel(statistics)}) · {messagesPerSecond:0.0} msg/s");

    public static string Summary(TimeSpan elapsed, SimulatorStatistics statistics) => string.Create(CultureInfo.InvariantCulture,
        $"Sent {statistics.PublishedTotal} messages in {elapsed:hh\\:mm\\:ss} ({ByChannel(statistics)}), {Rate(statistics.PublishedTotal, elapsed):0.0} msg/s; connected {statistics.Connections} time(s), dropped {statistics.Dropped}.");

    public static string FleetStart(FleetPlan plan) => string.Create(CultureInfo.InvariantCulture,
        $"Fleet: {plan.Households} household(s) × {plan.AppliancesPerHousehold} appliance(s) at {plan.MessagesPerSecond} msg/s over {string.Join(", ", plan.Links)}");

    public static string FleetProgress(TimeSpan elapsed, FleetReport report, double messagesPerSecond) => string.Create(CultureInfo.InvariantCulture,
        $"[{elapsed:hh\\:mm\\:ss}] fleet sent {report.Total} ({ByKind(report.ByKind)}) · {messagesPerSecond:0.0} msg/s");

    /// <summary>The closing lines of a fleet run: the totals, then one line per link.</summary>
    public static string FleetSummary(TimeSpan elapsed, FleetReport report) => string.Join(Environment.NewLine, report.SentByLink
        .OrderBy(link => link.Key.ToString(), StringComparer.Ordinal)
        .Select(link => $"  {link.Key}: {link.Value.Values.Sum()} ({ByKind(link.Value)})")
        .Prepend(string.Create(CultureInfo.InvariantCulture,
            $"Fleet sent {report.Total} messages in {elapsed:hh\\:mm\\:ss} ({ByKind(report.ByKind)}), {Rate(report.Total, elapsed):0.0} msg/s; by link:")));

    public static double Rate(long messages, TimeSpan over) => over > TimeSpan.Zero ? messages / over.TotalSeconds : 0;

    private static string ByChannel(SimulatorStatistics statistics) => ByKind(statistics.PublishedByChannel);

    private static string ByKind(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "nothing yet" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
}
