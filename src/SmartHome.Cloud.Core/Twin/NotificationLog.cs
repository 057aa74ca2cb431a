using SmartHome.Contracts.Notifications;

namespace SmartHome.Cloud.Core.Twin;

/// <summary>What the household was told lately and what waits for its next digest (see <see cref="Notifications.NotificationPolicy"/>).</summary>
public sealed class NotificationLog
{
    /// <summary>At most this many notifications wait for a digest; beyond it the oldest are dropped.</summary>
    public const int MaxForDigest = 50;

    /// <summary>The latest notification per type and subject, within <see cref="NotificationSettings.MaxRepeatWindow"/>.</summary>
    public List<ToldNews> Told { get; set; } = [];

    /// <summary>Notifications of types the household takes in its digest, oldest first, until the digest is made.</summary>
    public List<HouseholdNotification> ForDigest { get; set; } = [];

    /// <summary>
    /// Remembers <paramref name="notification"/> as told unless one of the same type and subject was, less than
    /// <paramref name="repeatWindow"/> before or after it (event time, so a replayed backlog judges as it would have live).
    /// </summary>
    /// <returns>False for a repeat.</returns>
    public bool TryTell(HouseholdNotification notification, TimeSpan repeatWindow)
    {
        ArgumentNullException.ThrowIfNull(notification);
        Told.RemoveAll(t => t.At < notification.At - NotificationSettings.MaxRepeatWindow);
        var index = Told.FindIndex(t => t.Type == notification.Type && t.Subject == notification.Subject);
        if (index < 0)
        {
            Told.Add(new(notification.Type, notification.Subject, notification.At));
            return true;
        }

        var last = Told[index];
        if ((notification.At - last.At).Duration() < repeatWindow)
        {
            return false;
        }

        Told[index] = last with { At = notification.At > last.At ? notification.At : last.At };
        return true;
    }

    public void KeepForDigest(HouseholdNotification notification)
    {
        ForDigest.Add(notification);
        if (ForDigest.Count > MaxForDigest)
        {
            ForDigest.RemoveRange(0, ForDigest.Count - MaxForDigest);
        }
    }
}

/// <summary>A notification the household was told: its type, subject and event time.</summary>
public sealed record ToldNews(string Type, string? Subject, DateTimeOffset At);
