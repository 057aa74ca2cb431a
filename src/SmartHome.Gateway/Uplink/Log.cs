namespace SmartHome.Gateway.Uplink;

internal static partial class Log
{
    [LoggerMessage(1200, LogLevel.Information, "Uplink connected to {Broker} (boot {BootId})")]
    public static partial void Connected(ILogger logger, string broker, Guid bootId);

    [LoggerMessage(1202, LogLevel.Warning, "Broker refused envelope seq {Seq} ({ReasonCode}: {ReasonString}); it stays in the outbox and is sent again in {Delay}")]
    public static partial void PublishRefused(ILogger logger, long seq, string reasonCode, string? reasonString, TimeSpan delay);

    [LoggerMessage(1203, LogLevel.Warning, "Broker has no subscriber for {Topic}: envelope seq {Seq} stays in the outbox and is sent again every {Delay} until the cloud core listens")]
    public static partial void NoSubscribers(ILogger logger, long seq, string topic, TimeSpan delay);

    [LoggerMessage(1205, LogLevel.Information, "Uplink published offline status and disconnected")]
    public static partial void WentOffline(ILogger logger);

    [LoggerMessage(1206, LogLevel.Warning, "Uplink could not say goodbye to the broker; the last will reports the gateway offline")]
    public static partial void GoodbyeFailed(ILogger logger, Exception exception);

    [LoggerMessage(1210, LogLevel.Information, "Uplink subscribed to the household's notifications on {Topic}")]
    public static partial void NotificationsSubscribed(ILogger logger, string topic);

    [LoggerMessage(1211, LogLevel.Warning, "Broker refused the subscription to {Topic} ({ResultCode}: {ReasonString}); notifications do not reach Home Assistant until the next connection")]
    public static partial void NotificationsNotSubscribed(ILogger logger, string topic, string resultCode, string? reasonString);

    [LoggerMessage(1212, LogLevel.Warning, "Notification dropped ({Code}): {Reason}")]
    public static partial void NotificationRejected(ILogger logger, string code, string reason);

    [LoggerMessage(1213, LogLevel.Debug, "Notification {NotificationId} arrived again and was passed on before; dropped")]
    public static partial void NotificationDuplicate(ILogger logger, Guid notificationId);

    [LoggerMessage(1214, LogLevel.Warning, "Could not persist the ids of the notifications passed on; a restart may pass the latest on again")]
    public static partial void SeenNotPersisted(ILogger logger, Exception exception);
}
