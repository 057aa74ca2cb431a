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
}
