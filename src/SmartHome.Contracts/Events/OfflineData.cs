namespace SmartHome.Contracts.Events;

/// <summary>The <c>data</c> of <c>shg.appliance.offline.v1</c>: a gateway or one of its appliances went offline.</summary>
public sealed record OfflineData
{
    public required string GatewayId { get; init; }
    public string? Appliance { get; init; }
    public required DateTimeOffset Since { get; init; }
}
