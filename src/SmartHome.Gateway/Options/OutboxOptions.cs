using System.ComponentModel.DataAnnotations;

namespace SmartHome.Gateway.Options;

/// <summary>The durable on-disk outbox between the appliance link and the uplink.</summary>
public sealed class OutboxOptions
{
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    /// <summary>Directory of the outbox files; a relative path is resolved against the host's content root.</summary>
    [Required(ErrorMessage = GatewayConfigKeys.OutboxPath + " is required")]
    public string Path { get; set; } = "gateway-data";

    [Between(1L << 20, 1L << 40, ErrorMessage = GatewayConfigKeys.OutboxMaxBytes + " must be from 1 MiB (1048576) to 1 TiB")]
    public long MaxBytes { get; set; } = DefaultMaxBytes;
}
