using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Rules;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Notifications;

namespace SmartHome.Cloud.Core.Notifications;

/// <summary>
/// The householder's daily word on expiring food, instead of one notification per item: once a day, at the
/// household's <see cref="HouseholdSettings.ExpiringDigestAt"/> (local time), one notification listing every item
/// whose <c>shg.food.expiring.v1</c> was raised and whose best-before is still to come, soonest first. Partners
/// still get each expiring event on its own.
/// </summary>
public static class ExpiringDigest
{
    private static readonly Guid DigestNamespace = new("4c9b2f7e-5d1a-4e83-b6c0-8a7d3e2f1b95");

    /// <summary>
    /// Composes today's digest if it is due at <paramref name="now"/>, not yet made and not empty, and marks the day
    /// done in the twin: on a day with nothing expiring at the digest time, the first item that enters the window
    /// later makes it. Persist the twin with the notification.
    /// </summary>
    public static HouseholdNotification? ComposeIfDue(HouseholdTwin twin, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(twin);
        var timeZone = twin.Settings.ResolveTimeZone();
        var today = HouseholdCalendar.DateOf(now, timeZone);
        var dueAt = HouseholdCalendar.StartOf(today, timeZone) + twin.Settings.ExpiringDigestAt.ToTimeSpan();
        if (now < dueAt || twin.ExpiringDigestOn >= today)
        {
            return null;
        }

        var expiring = twin.Inventory
            .Where(i => i.ExpiringReportedFor is { } date && date == i.EstimatedBestBefore && date >= today)
            .OrderBy(i => i.EstimatedBestBefore)
            .ThenBy(i => i.DisplayName, StringComparer.Ordinal)
            .ToList();
        if (expiring.Count == 0)
        {
            return null;
        }

        twin.ExpiringDigestOn = today;

        var soonest = expiring[0];
        var words = new NotificationWords(timeZone);
        return new HouseholdNotification
        {
            Id = DeterministicGuid.Create(DigestNamespace, $"{twin.HouseholdId}\n{today:O}"),
            HouseholdId = twin.HouseholdId,
            EventId = NeedEventIds.For(
                twin.HouseholdId, NeedEventTypes.FoodExpiring, Subjects.Item(soonest.ItemId), FoodEvents.Occurrence(soonest, soonest.ExpiringReportedFor!.Value)),
            Type = NeedEventTypes.FoodExpiring,
            Severity = NotificationSeverity.Warning,
            Title = expiring.Count == 1 ? "1 item expiring" : $"{expiring.Count} items expiring",
            Body = string.Join(", ", expiring.Select(i => $"{i.DisplayName} ({words.ExpiresWhen(i.ExpiringReportedFor!.Value, now)})")) + ".",
            At = dueAt,
        };
    }
}
