using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Rules;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Notifications;

namespace SmartHome.Cloud.Core.Notifications;

/// <summary>
/// The householder's daily word on expiring food, instead of one notification per item: once a day, at the
/// household's <see cref="HouseholdSettings.ExpiringDigestAt"/> (local time), one notification listing every item
/// whose <c>shg.food.expiring.v1</c> was raised and whose best-before is still to come, soonest first, then the
/// notifications of the types the household chose to take in its digest (<see cref="NotificationMode.Digest"/>).
/// Partners still get each expiring event on its own.
/// </summary>
public static class ExpiringDigest
{
    private static readonly Guid DigestNamespace = new("4c9b2f7e-5d1a-4e83-b6c0-8a7d3e2f1b95");

    /// <summary>
    /// Composes today's digest if it is due at <paramref name="now"/>, not yet made and not empty, and marks the day
    /// done in the twin: on a day with nothing to tell at the digest time, the first item that enters the window
    /// (or the first notification kept for it) later makes it. Persist the twin with the notification.
    /// </summary>
    public static HouseholdNotification? ComposeIfDue(HouseholdTwin twin, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(twin);
        var timeZone = twin.Settings.ResolveTimeZone();
        var today = HouseholdCalendar.DateOf(now, timeZone);
        var dueAt = HouseholdCalendar.At(today, twin.Settings.ExpiringDigestAt, timeZone);
        if (now < dueAt || twin.ExpiringDigestOn >= today)
        {
            return null;
        }

        var expiring = twin.Settings.Notifications.ModeOf(NeedEventTypes.FoodExpiring) != NotificationMode.Digest
            ? []
            : twin.Inventory
                .Where(i => i.ExpiringReportedFor is { } date && date == i.EstimatedBestBefore && date >= today)
                .OrderBy(i => i.EstimatedBestBefore)
                .ThenBy(i => i.DisplayName, StringComparer.Ordinal)
                .ToList();
        // A type switched off since it was kept is not told: "off" reaches no channel.
        twin.Notified.ForDigest.RemoveAll(n => twin.Settings.Notifications.ModeOf(n.Type) == NotificationMode.Off);
        var others = twin.Notified.ForDigest;
        if (expiring.Count == 0 && others.Count == 0)
        {
            return null;
        }

        twin.ExpiringDigestOn = today;
        var words = new NotificationWords(timeZone);
        var lines = new List<string>();
        if (expiring.Count > 0)
        {
            lines.Add(string.Join(", ", expiring.Select(i => $"{i.DisplayName} ({words.ExpiresWhen(i.ExpiringReportedFor!.Value, now)})")) + ".");
        }

        lines.AddRange(others.Select(o => o.Title + "."));
        var digest = new HouseholdNotification
        {
            Id = DeterministicGuid.Create(DigestNamespace, $"{twin.HouseholdId}\n{today:O}"),
            HouseholdId = twin.HouseholdId,
            EventId = expiring.Count > 0 ? ExpiringEventId(twin, expiring[0]) : others[0].EventId,
            Type = expiring.Count > 0 ? NeedEventTypes.FoodExpiring : others[0].Type,
            Severity = NotificationSeverity.Warning,
            Title = Title(expiring.Count, others),
            Body = string.Join(" ", lines),
            At = dueAt,
        };
        twin.Notified.ForDigest = [];
        return digest;
    }

    private static string ExpiringEventId(HouseholdTwin twin, InventoryItem soonest) => NeedEventIds.For(
        twin.HouseholdId, NeedEventTypes.FoodExpiring, Subjects.Item(soonest.ItemId), FoodEvents.Occurrence(soonest, soonest.ExpiringReportedFor!.Value));

    private static string Title(int expiring, List<HouseholdNotification> others)
    {
        var items = expiring == 1 ? "1 item expiring" : $"{expiring} items expiring";
        return (expiring, others.Count) switch
        {
            (_, 0) => items,
            (0, 1) => others[0].Title,
            (0, var count) => $"{count} notifications",
            (_, var count) => $"{items} and {count} more",
        };
    }
}
