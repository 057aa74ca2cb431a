using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.Twin;

public sealed class Gateway
{
    public required string GatewayId { get; init; }

    /// <summary>From the gateway's retained status; null until the first status arrives.</summary>
    public OnlineState? State { get; set; }

    public DateTimeOffset? StateSince { get; set; }
    public Guid? BootId { get; set; }
    public string? Version { get; set; }

    /// <summary>When the cloud last heard from it (cloud clock).</summary>
    public DateTimeOffset? LastSeenAt { get; set; }

    public long? LastSeq { get; set; }
}
