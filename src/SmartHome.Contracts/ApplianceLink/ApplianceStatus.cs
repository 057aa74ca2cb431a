namespace SmartHome.Contracts.ApplianceLink;

/// <summary><c>appliance/{id}/status</c> (retained): the appliance's own online state.</summary>
public sealed record ApplianceStatus
{
    public required OnlineState State { get; init; }
    public string? Firmware { get; init; }
}
