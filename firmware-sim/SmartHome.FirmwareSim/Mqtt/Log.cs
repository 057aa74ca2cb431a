using Microsoft.Extensions.Logging;

namespace SmartHome.FirmwareSim.Mqtt;

internal static partial class Log
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Connected to the appliance link {Host}:{Port} as {ClientId}")]
    public static partial void Connected(ILogger logger, string host, int port, string clientId);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Appliance link {Host}:{Port} not reachable ({Reason}); next try in {RetrySeconds:0.#} s")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string reason, double retrySeconds);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "Lost the appliance link {Host}:{Port} ({Reason})")]
    public static partial void ConnectionLost(ILogger logger, string host, int port, string reason);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Warning, Message = "Publishing to {Topic} failed ({Reason}); trying again")]
    public static partial void PublishFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 9105, Level = LogLevel.Information, Message = "Reported {Topic} offline and left the appliance link")]
    public static partial void Closed(ILogger logger, string topic);

    [LoggerMessage(EventId = 9106, Level = LogLevel.Warning, Message = "Could not report {Topic} offline on the way out ({Reason}); the broker will publish the last will")]
    public static partial void CloseFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 9107, Level = LogLevel.Information, Message = "Dropped off the appliance link {Host}:{Port} as {ClientId} without a goodbye; the broker will publish the last will")]
    public static partial void Dropped(ILogger logger, string host, int port, string clientId);
}
