using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Notifications;

namespace SmartHome.Cloud.Core.Notifications;

/// <summary>
/// When the push channels (the MQTT topic, the household's webhook) may send a notification made now: the one place
/// quiet hours are applied. The store keeps the answer as the notification's <c>release_at</c>; the householder API
/// and the dashboard's live feed show a notification as soon as it is stored.
/// </summary>
public static class NotificationRelease
{
    /// <returns>Null: at once. Otherwise the end of the quiet hours <paramref name="now"/> falls in.</returns>
    public static DateTimeOffset? ReleaseAt(HouseholdSettings settings, NotificationSeverity severity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var notifications = settings.Notifications;
        if (notifications.QuietHours is not { } quietHours || (severity == NotificationSeverity.Urgent && notifications.UrgentDuringQuietHours))
        {
            return null;
        }

        return quietHours.EndAfter(now, settings.ResolveTimeZone());
    }
}
