using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Contracts.Telemetry;

/// <summary><c>shg/v1/{householdId}/{gatewayId}/status</c> (retained): online at birth, offline as the last will.</summary>
public sealed record GatewayStatus
{
    public required OnlineState State { get; init; }
    public Guid? BootId { get; init; }
    public string? Version { get; init; }
}
