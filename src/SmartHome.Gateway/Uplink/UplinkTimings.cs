namespace SmartHome.Gateway.Uplink;

/// <summary>The uplink's time constants; tests and the all-in-one host may register shorter ones.</summary>
internal sealed record UplinkTimings
{
    public static UplinkTimings Default { get; } = new();

    public TimeSpan BackoffInitial { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffCap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The backoff starts over only after a connection stayed up this long, so a flapping link keeps backing off.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Envelopes published later than this after they were written carry <c>historical: true</c> records.</summary>
    public TimeSpan HistoricalAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Delay before sending again when the broker refused a publish (a PUBACK with an error reason code).</summary>
    public TimeSpan RefusedRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxInFlight { get; init; } = 32;

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a graceful shutdown waits to tell the broker it goes offline.</summary>
    public TimeSpan GoodbyeTimeout { get; init; } = TimeSpan.FromSeconds(3);
}
