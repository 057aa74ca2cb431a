namespace SmartHome.Contracts.Events;

/// <summary>The <c>data</c> of <c>shg.appliance.door-left-open.v1</c>.</summary>
public sealed record DoorLeftOpenData
{
    public required string Appliance { get; init; }
    public required string Door { get; init; }
    public required DateTimeOffset OpenSince { get; init; }
    public required int OpenSeconds { get; init; }
}
