namespace SmartHome.Gateway.Mqtt;

/// <summary>The time constants of a supervised MQTT connection; tests may register shorter ones.</summary>
internal sealed record MqttConnectionTimings
{
    public static MqttConnectionTimings Default { get; } = new();

    /// <summary>The first attempt waits a random delay up to this long (<c>Uplink:BootJitter</c>); zero connects at once.</summary>
    public TimeSpan BootJitter { get; init; }

    public TimeSpan BackoffInitial { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffCap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The backoff starts over only after a connection stayed up this long, so a flapping link keeps backing off.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a connection attempt may take; also how long a closed connection's disconnect event is awaited.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
