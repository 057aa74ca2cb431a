
namespace SmartHome.Gateway.ApplianceLink;

internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Warning, "Appliance message on {Topic} rejected ({Code}): {Reason}")]
    public static partial void MessageRejected(ILogger logger, string topic, string code, string reason);

    [LoggerMessage(1001, LogLevel.Error, "Appliance message on {Topic} could not be stored; it is not acknowledged, so the appliance sends it again")]
    public static partial void MessageNotStored(ILogger logger, string topic, Exception exception);

    [LoggerMessage(1002, LogLevel.Information, "Appliance link listening on {Endpoint} (embedded broker)")]
    public static partial void EmbeddedListening(ILogger logger, string endpoint);

    [LoggerMessage(1003, LogLevel.Information, "Appliance link stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(1004, LogLevel.Information, "Appliance link subscribed to {Filter} on the external broker {Broker}")]
    public static partial void ExternalSubscribed(ILogger logger, string filter, string broker);

    [LoggerMessage(1006, LogLevel.Warning, "The external broker {Broker} granted only QoS 0 for {Filter}: its messages arrive without acknowledgement and may be lost")]
    public static partial void SubscriptionDowngraded(ILogger logger, string filter, string broker);

    [LoggerMessage(1007, LogLevel.Warning, "Appliance link could not disconnect cleanly from the external broker {Broker} while stopping")]
    public static partial void DisconnectFailed(ILogger logger, string broker, Exception exception);
}
