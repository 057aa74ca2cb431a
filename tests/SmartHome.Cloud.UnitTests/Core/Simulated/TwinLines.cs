using System.Globalization;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;

namespace SmartHome.Cloud.UnitTests.Core.Simulated;

/// <summary>
/// What two plays of the same telemetry must agree on, one line per fact, so a difference shows where it is: the
/// inventory with its estimated best-befores and safety, each compartment's latest reading and temperature history,
/// the doors; and the need events raised (ids, types, subjects, times).
/// </summary>
internal static class TwinLines
{
    public static List<string> Of(HouseholdTwin twin) =>
    [
        .. twin.Inventory.OrderBy(i => i.ItemId, StringComparer.Ordinal).Select(i =>
            Invariant($"item {i.ItemId} '{i.Name}' {i.Category} {i.Quantity:0.######} {i.Unit} {i.Location} since {i.LocationSince:O} added {i.AddedAt:O} ") +
            Invariant($"opened {i.OpenedAt:O} label {i.BestBefore:O} estimated {i.EstimatedBestBefore:O} ({i.EstimateReason}) unsafe {i.UnsafeReason is not null} ") +
            Invariant($"life used {Seconds(i.Exposure?.Total.LifeUsed)} above {Seconds(i.Exposure?.Total.AboveUnsafe)} from {i.Exposure?.Total.UnsafeFrom:O}")),
        .. twin.Appliances.SelectMany(a => a.Compartments.SelectMany(c => (IEnumerable<string>)
        [
            Invariant($"compartment {a.ApplianceId}/{c.Sensor} {c.Celsius} at {c.At:O}"),
            .. c.History.Select(s => Invariant($"slot {a.ApplianceId}/{c.Sensor} {s.At:O} {s.MinCelsius}..{s.MaxCelsius}")),
        ])),
        .. twin.Appliances.SelectMany(a => a.Doors.Select(d => $"door {a.ApplianceId}/{d.Name} {d.State} since {d.Since:O}")),
    ];

    public static List<string> Of(IEnumerable<NeedEvent> events) =>
        [.. events.Select(e => $"{e.Id} {e.Type} {e.Subject} {e.Time:O}").Order(StringComparer.Ordinal)];

    /// <summary>To the second: the same integral summed in other pieces differs in its last ticks.</summary>
    private static TimeSpan? Seconds(TimeSpan? span) => span is { } s ? TimeSpan.FromSeconds(Math.Round(s.TotalSeconds)) : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
