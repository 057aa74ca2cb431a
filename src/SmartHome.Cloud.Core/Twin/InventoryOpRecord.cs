using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.Twin;

/// <summary>
/// An inventory operation as the twin keeps it: a move in an item's <see cref="InventoryItem.Moves"/>, or an
/// operation that arrived before the item's "added" (<see cref="HouseholdTwin.EarlyInventory"/>).
/// </summary>
public sealed class InventoryOpRecord
{
    public required string ItemId { get; init; }
    public required InventoryOp Op { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string ApplianceId { get; init; }
    public double? Quantity { get; init; }
    public StorageLocation? Location { get; init; }
}
