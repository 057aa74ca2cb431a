namespace SmartHome.Contracts.ApplianceLink;

/// <summary><c>appliance/{id}/inventory</c>: an item added, removed, consumed, opened or moved.</summary>
public sealed record InventoryChange
{
    public required InventoryOp Op { get; init; }
    public required string ItemId { get; init; }
    public string? Name { get; init; }
    public string? Barcode { get; init; }
    public string? Category { get; init; }
    public double? Quantity { get; init; }
    public string? Unit { get; init; }
    public DateOnly? BestBefore { get; init; }
    public StorageLocation? Location { get; init; }
    public DateTimeOffset? At { get; init; }
}
