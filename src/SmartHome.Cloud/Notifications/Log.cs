namespace SmartHome.Cloud.Notifications;

internal static partial class Log
{
    [LoggerMessage(2250, LogLevel.Warning, "Publishing notification {NotificationId} of household {HouseholdId} failed: {Reason}; will try again")]
    public static partial void PublishFailed(ILogger logger, Guid notificationId, string householdId, string reason);

    [LoggerMessage(2251, LogLevel.Error, "The store failed while publishing notifications; trying again shortly")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(2252, LogLevel.Warning, "The store failed while streaming the notifications of household {HouseholdId}; looking again at the next poll")]
    public static partial void StreamStoreUnavailable(ILogger logger, string householdId, Exception exception);
}
