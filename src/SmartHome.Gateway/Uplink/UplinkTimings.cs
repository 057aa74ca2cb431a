using SmartHome.Gateway.Mqtt;

namespace SmartHome.Gateway.Uplink;

/// <summary>The uplink's time constants; tests and the all-in-one host may register shorter ones.</summary>
internal sealed record UplinkTimings
{
    public static UplinkTimings Default { get; } = new();

    /// <summary>Backoff, keep-alive and connect timeout of the connection to the cloud broker.</summary>
    public MqttConnectionTimings Connection { get; init; } = MqttConnectionTimings.Default;

    /// <summary>Envelopes published later than this after they were written carry <c>historical: true</c> records.</summary>
    public TimeSpan HistoricalAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Delay before sending again when the broker refused a publish (a PUBACK with an error reason code).</summary>
    public TimeSpan RefusedRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxInFlight { get; init; } = 32;

    /// <summary>How long a graceful shutdown waits to tell the broker it goes offline.</summary>
    public TimeSpan GoodbyeTimeout { get; init; } = TimeSpan.FromSeconds(3);
}
