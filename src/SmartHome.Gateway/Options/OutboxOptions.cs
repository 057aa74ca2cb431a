using System.ComponentModel.DataAnnotations;

namespace SmartHome.Gateway.Options;

/// <summary>The durable on-disk outbox between the appliance link and the uplink.</summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    /// <summary>Directory of the outbox files; a relative path is resolved against the host's content root.</summary>
    [Required(ErrorMessage = GatewayConfigKeys.OutboxPath + " is required")]
    public string Path { get; set; } = "gateway-data";

    [Between(1L << 20, 1L << 40, ErrorMessage = GatewayConfigKeys.OutboxMaxBytes + " must be from 1 MiB (1048576) to 1 TiB")]
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Pending data written longer ago than this is evicted, whatever its class.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The interval whose temperature readings are rolled up into one record when the outbox is over <see cref="MaxBytes"/>.</summary>
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxAge < TimeSpan.FromHours(1) || MaxAge > TimeSpan.FromDays(365))
        {
            yield return new($"{GatewayConfigKeys.OutboxMaxAge} must be from 01:00:00 to 365.00:00:00, was {MaxAge}", [nameof(MaxAge)]);
        }

        if (RollupInterval < TimeSpan.FromMinutes(1) || RollupInterval > TimeSpan.FromDays(1) || RollupInterval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            yield return new($"{GatewayConfigKeys.OutboxRollupInterval} must be whole seconds from 00:01:00 to 1.00:00:00, was {RollupInterval}", [nameof(RollupInterval)]);
        }
    }
}
