using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Notifications;

namespace SmartHome.Cloud.Core.Notifications;

/// <summary>
/// Which notifications a household's new need events make, by its <see cref="NotificationSettings"/>: each event's
/// type is sent now, kept for the daily digest, or dropped; a repeat of the same news within the repeat window is
/// dropped; the digest is made when due; each one to store comes with its release time (quiet hours).
/// </summary>
public static class NotificationPolicy
{
    /// <summary>Applies the policy; it records what it told and kept in the twin, so persist the twin with the plan.</summary>
    /// <param name="twin">The household, its settings and what it was told.</param>
    /// <param name="newEvents">Events raised now for the first time (a replayed event would count as a repeat).</param>
    /// <param name="now">The cloud's clock: the digest and quiet hours go by it.</param>
    public static NotificationPlan Apply(HouseholdTwin twin, IReadOnlyList<NeedEvent> newEvents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(twin);
        ArgumentNullException.ThrowIfNull(newEvents);
        var settings = twin.Settings;
        var timeZone = settings.ResolveTimeZone();
        var toStore = new List<PlannedNotification>();
        var repeats = new List<HouseholdNotification>();
        foreach (var needEvent in newEvents)
        {
            var mode = settings.Notifications.ModeOf(needEvent.Type);
            if (mode == NotificationMode.Off || NotificationComposer.Compose(needEvent, timeZone) is not { } notification)
            {
                continue;
            }

            if (!twin.Notified.TryTell(notification, settings.Notifications.RepeatWindow))
            {
                repeats.Add(notification);
            }
            else if (mode == NotificationMode.Digest)
            {
                // The digest lists expiring food from the inventory, as it stands when the digest is made.
                if (needEvent.Type != NeedEventTypes.FoodExpiring)
                {
                    twin.Notified.KeepForDigest(notification);
                }
            }
            else
            {
                toStore.Add(new(notification, NotificationRelease.ReleaseAt(settings, notification.Severity, now)));
            }
        }

        if (ExpiringDigest.ComposeIfDue(twin, now) is { } digest)
        {
            toStore.Add(new(digest, NotificationRelease.ReleaseAt(settings, digest.Severity, now)));
        }

        return new(toStore, repeats);
    }
}

/// <summary>What <see cref="NotificationPolicy.Apply"/> decided: the notifications to store, and the repeats it dropped.</summary>
public sealed record NotificationPlan(IReadOnlyList<PlannedNotification> ToStore, IReadOnlyList<HouseholdNotification> Repeats);

/// <summary>A notification to store, and when the push channels may send it (null: at once).</summary>
public sealed record PlannedNotification(HouseholdNotification Notification, DateTimeOffset? ReleaseAt);
