using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SmartHome.Gateway.Options;

/// <summary>The <c>SmartHome:Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    private const string IdentifierRule = " must be 1-64 characters of letters, digits, '.', '_' or '-'";

    [Required(ErrorMessage = GatewayConfigKeys.HouseholdId + " is required")]
    [Identifier(ErrorMessage = GatewayConfigKeys.HouseholdId + IdentifierRule)]
    public string HouseholdId { get; set; } = string.Empty;

    [Required(ErrorMessage = GatewayConfigKeys.GatewayId + " is required")]
    [Identifier(ErrorMessage = GatewayConfigKeys.GatewayId + IdentifierRule)]
    public string GatewayId { get; set; } = string.Empty;

    [ValidateObjectMembers]
    public UplinkOptions Uplink { get; set; } = new();

    [ValidateObjectMembers]
    public ApplianceLinkOptions ApplianceLink { get; set; } = new();

    [ValidateObjectMembers]
    public OutboxOptions Outbox { get; set; } = new();

    [ValidateObjectMembers]
    public HealthOptions Health { get; set; } = new();

    public ClockOptions Clock { get; set; } = new();

    [ValidateObjectMembers]
    public DevicesOptions Devices { get; set; } = new();

    [ValidateObjectMembers]
    public HomeAssistantOptions HomeAssistant { get; set; } = new();
}
