using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.FirmwareSim.Household;

/// <summary>The inventory messages (contract §2) that tell the gateway what happened to a stock item; the sender stamps <c>at</c>.</summary>
internal static class InventoryChanges
{
    public static InventoryChange Added(StockItem item) => new()
    {
        Op = InventoryOp.Added,
        ItemId = item.ItemId,
        Name = item.Product.Name,
        Barcode = item.Product.Barcode,
        Category = item.Product.Category,
        Quantity = item.Quantity,
        Unit = item.Product.Unit,
        BestBefore = item.BestBefore,
        Location = item.Product.Location,
    };

    public static InventoryChange Opened(StockItem item) => new() { Op = InventoryOp.Opened, ItemId = item.ItemId };

    /// <summary><paramref name="amount"/> is what was used up, in the item's unit.</summary>
    public static InventoryChange Consumed(StockItem item, double amount) =>
        new() { Op = InventoryOp.Consumed, ItemId = item.ItemId, Quantity = amount, Unit = item.Product.Unit };

    public static InventoryChange Removed(StockItem item) => new() { Op = InventoryOp.Removed, ItemId = item.ItemId };
}
