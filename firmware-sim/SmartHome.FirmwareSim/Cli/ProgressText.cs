using System.Globalization;
using SmartHome.FirmwareSim.Fleet;
using SmartHome.FirmwareSim.Mqtt;
using SmartHome.FirmwareSim.Scenarios;

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

    public static string ScenarioStart(ScenarioEngine engine, ScenarioCommand command) => string.Create(CultureInfo.InvariantCulture,
        $"Scenario {engine.Scenario.Name}: {Span(engine.Scenario.Duration)} simulated from {engine.Start:yyyy-MM-dd HH:mm:ss}Z at {(command.Speed.IsMax ? "max speed" : $"speed {command.Speed}")}, seed {command.Seed}, as {engine.ApplianceId} on {command.Link}");

    public static string ScenarioProgress(TimeSpan elapsed, ScenarioProgress progress, double messagesPerSecond) => string.Create(CultureInfo.InvariantCulture,
        $"[{elapsed:hh\\:mm\\:ss}] sim {progress.SimulatedNow:yyyy-MM-dd HH:mm:ss} · {progress.Done:0.0 %} done · sent {progress.Sent} · {messagesPerSecond:0.0} msg/s");

    /// <summary>The closing lines of a scenario run: totals, then messages by kind, inventory ops, faults and the link.</summary>
    public static string ScenarioSummary(ScenarioReport report) => string.Join(Environment.NewLine, string.Create(CultureInfo.InvariantCulture,
            $"Scenario {report.Scenario} {(report.Completed ? "done" : "stopped")}: {report.Total} messages for {Span(report.SimulatedSpan)} simulated in {report.WallTime:hh\\:mm\\:ss\\.f} ({Rate(report.Total, report.WallTime):0.0} msg/s)"),
        $"  by kind:         {ByKind(report.SentByChannel, "none")}",
        $"  inventory ops:   {ByKind(report.InventoryOps, "none")}",
        $"  faults injected: {ByKind(report.FaultsInjected, "none")}",
        string.Create(CultureInfo.InvariantCulture, $"  link:            dropped {report.LinkDrops} time(s), {report.Dropped} message(s) given up while offline"));

    /// <summary>A simulated span as people write it: <c>3d 02:00:00</c>, or <c>02:00:00</c> under a day.</summary>
    public static string Span(TimeSpan span) => span.Days > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{span.Days}d {span:hh\\:mm\\:ss}")
        : span.ToString("hh\\:mm\\:ss", CultureInfo.InvariantCulture);

    public static double Rate(long messages, TimeSpan over) => over > TimeSpan.Zero ? messages / over.TotalSeconds : 0;

    private static string ByChannel(SimulatorStatistics statistics) => ByKind(statistics.PublishedByChannel);

    private static string ByKind(IReadOnlyDictionary<string, long> counts, string none = "nothing yet") =>
        counts.Count == 0 ? none : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
}
