namespace SmartHome.Contracts.ApplianceLink;

/// <summary><c>appliance/{id}/door</c>: a door opened or closed.</summary>
public sealed record DoorEvent
{
    public required string Door { get; init; }
    public required DoorState State { get; init; }
    public DateTimeOffset? At { get; init; }
}
