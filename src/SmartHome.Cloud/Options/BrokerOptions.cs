using System.ComponentModel.DataAnnotations;

namespace SmartHome.Cloud.Options;

/// <summary><c>SmartHome:Cloud:Broker</c>: the MQTT broker the core listens on (embedded, or an external one).</summary>
public sealed class BrokerOptions
{
    public const string Section = "SmartHome:Cloud:Broker";

    /// <summary>Run an MQTTnet broker inside this process, bound to 127.0.0.1.</summary>
    public bool Embedded { get; set; } = true;

    /// <summary>The broker the core connects to; ignored for the embedded broker, which is always 127.0.0.1.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "SmartHome:Cloud:Broker:Host must name the broker's host")]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 lets the embedded broker pick a free port (see <see cref="Broker.BrokerEndpoint"/>).</summary>
    [Range(0, 65535, ErrorMessage = "SmartHome:Cloud:Broker:Port must be a TCP port (0-65535)")]
    public int Port { get; set; } = 1883;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool UseTls { get; set; }

    /// <summary>
    /// Subscribe with the contract's shared subscriptions (<c>$share/shg-core/...</c>). Unset means true for an
    /// external broker and false for the embedded one, whose MQTTnet server does not support them.
    /// </summary>
    public bool? SharedSubscription { get; set; }

    /// <summary>The core's MQTT client id; it must be stable for the broker to keep the session across restarts and distinct per replica.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "SmartHome:Cloud:Broker:ClientId must not be empty")]
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "SmartHome:Cloud:Broker:ClientId must be 1-64 letters, digits, '.', '_' or '-'")]
    public string ClientId { get; set; } = "shg-core-" + Environment.MachineName;

    public bool UsesSharedSubscription => SharedSubscription ?? !Embedded;
}
