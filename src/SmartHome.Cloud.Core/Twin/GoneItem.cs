using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.Twin;

/// <summary>An item that left the household: used up (<see cref="InventoryOp.Consumed"/>) or <see cref="InventoryOp.Removed"/>.</summary>
public sealed class GoneItem
{
    public required string ItemId { get; init; }
    public string? Name { get; init; }
    public string? Category { get; init; }
    public required InventoryOp Reason { get; init; }
    public required DateTimeOffset At { get; init; }
}
