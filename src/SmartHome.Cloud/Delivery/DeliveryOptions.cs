using System.ComponentModel.DataAnnotations;

namespace SmartHome.Cloud.Delivery;

/// <summary><c>SmartHome:Cloud:Delivery</c>: how the cloud reaches partners' endpoints.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "SmartHome:Cloud:Delivery";

    /// <summary>Whether webhook URLs may point at loopback, link-local or private addresses (and use plain http).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Our name in the CloudEvents abuse-protection handshake (<c>WebHook-Request-Origin</c>).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "SmartHome:Cloud:Delivery:Origin is required: our name in the webhook handshake")]
    public string Origin { get; set; } = "smarthomegateway";

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "SmartHome:Cloud:Delivery:ResponseTimeout must be between 00:00:01 and 00:05:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "SmartHome:Cloud:Delivery:ConnectTimeout must be between 00:00:01 and 00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a subscription's replaced secret keeps signing deliveries, next to the new one, after a rotation.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "SmartHome:Cloud:Delivery:SecretRotationOverlap must be between 00:00:00 and 30.00:00:00")]
    public TimeSpan SecretRotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The largest event body sent; a larger one is not sent at all and its delivery is dead at once.</summary>
    [Range(1024, 16 * 1024 * 1024, ErrorMessage = "SmartHome:Cloud:Delivery:MaxEventBytes must be between 1024 and 16777216")]
    public int MaxEventBytes { get; set; } = 256 * 1024;

    /// <summary>The longest one webhook attempt can take: connecting, waiting for the answer's headers, then reading its body.</summary>
    public TimeSpan LongestAttempt => ConnectTimeout + (2 * ResponseTimeout);

    /// <summary>How much of an endpoint's answer is read at most; the rest is discarded.</summary>
    [Range(1024, 1024 * 1024, ErrorMessage = "SmartHome:Cloud:Delivery:MaxResponseBytes must be between 1024 and 1048576")]
    public int MaxResponseBytes { get; set; } = 64 * 1024;

    /// <summary>The latest a throttled attempt's <c>Retry-After</c> may push the next attempt; an endpoint asking for longer is tried then.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "SmartHome:Cloud:Delivery:MaxRetryAfter must be between 00:00:01 and 1.00:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A subscription whose endpoint accepted nothing for this long is disabled (its deliveries held) and its partner notified.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00", ErrorMessage = "SmartHome:Cloud:Delivery:DisableAfter must be between 00:01:00 and 90.00:00:00")]
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);
}
