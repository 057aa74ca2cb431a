namespace SmartHome.Cloud.Notifications.Webhook;

// Never the webhook's URL: an ntfy topic or a Home Assistant webhook id in it is as good as a password.
internal static partial class Log
{
    [LoggerMessage(2270, LogLevel.Information, "Sent notification {NotificationId} to household {HouseholdId}'s webhook ({Format}) on attempt {Attempt}, status {StatusCode}")]
    public static partial void Sent(ILogger logger, string notificationId, string householdId, string format, int attempt, int? statusCode);

    [LoggerMessage(2271, LogLevel.Warning, "Sending notification {NotificationId} to household {HouseholdId}'s webhook failed on attempt {Attempt}: {Reason}; next attempt in {Delay}")]
    public static partial void AttemptFailed(ILogger logger, string notificationId, string householdId, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(2272, LogLevel.Error, "Gave up sending notification {NotificationId} to household {HouseholdId}'s webhook after {Attempts} attempts: {Reason}")]
    public static partial void GaveUp(ILogger logger, string notificationId, string householdId, int attempts, string reason);

    [LoggerMessage(2273, LogLevel.Information, "Did not send notification {NotificationId} to household {HouseholdId}'s webhook: {Reason}")]
    public static partial void Stale(ILogger logger, string notificationId, string householdId, string reason);

    [LoggerMessage(2274, LogLevel.Error, "The store failed while sending notifications to household webhooks; trying again shortly")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception);
}
