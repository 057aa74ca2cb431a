using System.ComponentModel.DataAnnotations;

namespace SmartHome.Cloud.Options;

/// <summary><c>SmartHome:Cloud:Delivery:Worker</c>: how the delivery outbox is worked off.</summary>
public sealed class DeliveryWorkerOptions
{
    public const string Section = "SmartHome:Cloud:Delivery:Worker";

    /// <summary>How long the worker sleeps when nothing is due and nothing new was queued.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "SmartHome:Cloud:Delivery:Worker:PollInterval must be between 00:00:00.010 and 00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 1000, ErrorMessage = "SmartHome:Cloud:Delivery:Worker:BatchSize must be between 1 and 1000")]
    public int BatchSize { get; set; } = 32;

    /// <summary>Deliveries in flight at once, over all endpoints.</summary>
    [Range(1, 10_000, ErrorMessage = "SmartHome:Cloud:Delivery:Worker:MaxInFlight must be between 1 and 10000")]
    public int MaxInFlight { get; set; } = 64;

    /// <summary>Deliveries in flight at once to one endpoint (a webhook URL's origin, or one partner's MQTT topic).</summary>
    [Range(1, 4, ErrorMessage = "SmartHome:Cloud:Delivery:Worker:MaxInFlightPerEndpoint must be between 1 and 4")]
    public int MaxInFlightPerEndpoint { get; set; } = 2;

    /// <summary>Deliveries a second to one endpoint, on average (a token bucket's refill rate).</summary>
    [Range(0.01, 10_000, ErrorMessage = "SmartHome:Cloud:Delivery:Worker:RatePerEndpoint must be between 0.01 and 10000")]
    public double RatePerEndpoint { get; set; } = 50;

    /// <summary>Deliveries to one endpoint in a burst, after it was quiet (the token bucket's size).</summary>
    [Range(1, 10_000, ErrorMessage = "SmartHome:Cloud:Delivery:Worker:BurstPerEndpoint must be between 1 and 10000")]
    public int BurstPerEndpoint { get; set; } = 50;

    /// <summary>How long a claimed delivery is reserved for this worker; after that another worker (or replica) may retry it.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00", ErrorMessage = "SmartHome:Cloud:Delivery:Worker:Lease must be between 00:00:30 and 01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}
