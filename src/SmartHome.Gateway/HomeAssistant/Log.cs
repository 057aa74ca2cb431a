namespace SmartHome.Gateway.HomeAssistant;

internal static partial class Log
{
    [LoggerMessage(1500, LogLevel.Information, "Home Assistant discovery on {Broker}: subscribed to {StatusTopic}, announcing under {Prefix}")]
    public static partial void Announcing(ILogger logger, string broker, string statusTopic, string prefix);

    [LoggerMessage(1501, LogLevel.Information, "Home Assistant came online; announcing every entity again")]
    public static partial void HomeAssistantOnline(ILogger logger);

    [LoggerMessage(1502, LogLevel.Information, "Home Assistant availability set offline")]
    public static partial void WentOffline(ILogger logger);

    [LoggerMessage(1503, LogLevel.Warning, "Home Assistant availability could not be set offline; the last will (external broker) or the broker's stop (embedded) ends it")]
    public static partial void GoodbyeFailed(ILogger logger, Exception exception);

    [LoggerMessage(1505, LogLevel.Warning, "The broker refused the retained message on {Topic} ({ReasonCode}); it is sent again with the next change")]
    public static partial void PublishRefused(ILogger logger, string topic, string reasonCode);

    [LoggerMessage(1504, LogLevel.Information, "Home Assistant discovery is disabled")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(1510, LogLevel.Warning, "Notification {NotificationId} dropped: {Capacity} notifications already wait for Home Assistant's broker")]
    public static partial void NotificationDropped(ILogger logger, Guid notificationId, int capacity);

    [LoggerMessage(1511, LogLevel.Information, "Notification {NotificationId} ({Severity}) published to Home Assistant")]
    public static partial void NotificationPublished(ILogger logger, Guid notificationId, string severity);
}
