using System.ComponentModel.DataAnnotations;

namespace SmartHome.Gateway.Options;

/// <summary>Home Assistant MQTT discovery on the appliance link's broker (docs/home-assistant.md).</summary>
public sealed class HomeAssistantOptions : IValidatableObject
{
    private static readonly TimeSpan MaxExpiringWithin = TimeSpan.FromDays(365);

    /// <summary>
    /// On by default: the messages stay on the home's local broker, are retained, and cost nothing when no Home
    /// Assistant listens, while a household that runs one gets its fridge without any setup.
    /// </summary>
    public bool Enabled { get; set; } = true;

    public string DiscoveryPrefix { get; set; } = "homeassistant";

    /// <summary>The "items expiring" sensor counts the items whose best-before is at most this far from today.</summary>
    public TimeSpan ExpiringWithin { get; set; } = TimeSpan.FromDays(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(DiscoveryPrefix) || DiscoveryPrefix.StartsWith('/') || DiscoveryPrefix.EndsWith('/')
            || DiscoveryPrefix.AsSpan().IndexOfAny("+#\0") >= 0)
        {
            yield return new(
                $"{GatewayConfigKeys.HomeAssistantDiscoveryPrefix} must be an MQTT topic without wildcards or a leading or trailing '/', was '{DiscoveryPrefix}'",
                [nameof(DiscoveryPrefix)]);
        }

        if (ExpiringWithin < TimeSpan.Zero || ExpiringWithin > MaxExpiringWithin)
        {
            yield return new($"{GatewayConfigKeys.HomeAssistantExpiringWithin} must be from 00:00:00 to {MaxExpiringWithin}, was {ExpiringWithin}", [nameof(ExpiringWithin)]);
        }
    }
}
