namespace SmartHome.Gateway.Mqtt;

internal static partial class Log
{
    [LoggerMessage(1300, LogLevel.Warning, "{Connection} to {Broker} is down ({Reason}); next attempt in {Delay}")]
    public static partial void Unavailable(ILogger logger, string connection, string broker, string reason, TimeSpan delay);

    [LoggerMessage(1301, LogLevel.Error, "{Connection} session failed unexpectedly; reconnecting")]
    public static partial void SessionFailed(ILogger logger, string connection, Exception exception);

    [LoggerMessage(1302, LogLevel.Debug, "{Connection}: a disconnect event of a connection before generation {Generation} arrived late and was ignored")]
    public static partial void StaleDisconnectIgnored(ILogger logger, string connection, long generation);

    [LoggerMessage(1304, LogLevel.Information, "{Connection} to {Broker}: first attempt in {Delay} (boot jitter)")]
    public static partial void BootJitter(ILogger logger, string connection, string broker, TimeSpan delay);

    [LoggerMessage(1303, LogLevel.Warning, "{Connection}: connection {Generation} was closed but MQTTnet reported no disconnect event within {Timeout}")]
    public static partial void DisconnectEventMissing(ILogger logger, string connection, long generation, TimeSpan timeout);
}
