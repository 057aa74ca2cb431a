namespace SmartHome.Cloud.Broker;

internal static partial class Log
{
    [LoggerMessage(2300, LogLevel.Information, "Embedded MQTT broker listening on 127.0.0.1:{Port}")]
    public static partial void EmbeddedBrokerStarted(ILogger logger, int port);

    [LoggerMessage(2301, LogLevel.Information, "Embedded MQTT broker stopped")]
    public static partial void EmbeddedBrokerStopped(ILogger logger);

    [LoggerMessage(2302, LogLevel.Warning, "Embedded MQTT broker refused client {ClientId}: wrong username or password")]
    public static partial void EmbeddedBrokerRefusedClient(ILogger logger, string clientId);

    [LoggerMessage(2303, LogLevel.Warning, "Embedded MQTT broker refused client {ClientId} the subscription {TopicFilter}: not its partner topic")]
    public static partial void EmbeddedBrokerRefusedSubscription(ILogger logger, string clientId, string topicFilter);

    [LoggerMessage(2304, LogLevel.Warning, "Embedded MQTT broker refused client {ClientId} a publish to {Topic}: partners publish nothing, and only the core publishes to partner topics")]
    public static partial void EmbeddedBrokerRefusedPublish(ILogger logger, string clientId, string topic);

    [LoggerMessage(2310, LogLevel.Information, "Connected to the MQTT broker at {Host}:{Port} (shared subscription: {Shared})")]
    public static partial void Connected(ILogger logger, string host, int port, bool shared);

    [LoggerMessage(2311, LogLevel.Warning, "Could not connect to the MQTT broker at {Host}:{Port}: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(2312, LogLevel.Warning, "Lost the MQTT broker connection: {Reason}")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(2313, LogLevel.Information, "Reconnecting to the MQTT broker in {Delay}")]
    public static partial void Reconnecting(ILogger logger, TimeSpan delay);

    [LoggerMessage(2314, LogLevel.Warning, "The broker does not offer shared subscriptions; subscribing with plain filters, so run a single core replica")]
    public static partial void SharedSubscriptionUnavailable(ILogger logger);

    [LoggerMessage(2315, LogLevel.Information, "Left a message on {Topic} unacknowledged at shutdown for the broker to deliver again")]
    public static partial void LeftUnacknowledgedAtShutdown(ILogger logger, string topic);
}
