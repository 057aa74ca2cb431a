using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.FirmwareSim.Household;

/// <summary>What is in the fridge and freezer now; hands out item ids that stay unique for the whole run.</summary>
internal sealed class HouseholdStock
{
    private readonly List<StockItem> _items = [];
    private readonly Dictionary<string, int> _issuedIds = [];

    public IReadOnlyList<StockItem> Items => _items;

    public StockItem Add(Product product, double quantity, DateOnly bestBefore)
    {
        var number = _issuedIds.GetValueOrDefault(product.Slug) + 1;
        _issuedIds[product.Slug] = number;
        var item = new StockItem($"{product.Slug}-{number}", product, quantity, bestBefore);
        _items.Add(item);
        return item;
    }

    /// <summary>Puts a fresh pack of <paramref name="product"/> bought on <paramref name="today"/> away.</summary>
    public void Buy(Product product, DateOnly today, Random random, List<InventoryChange> changes) =>
        changes.Add(InventoryChanges.Added(Add(product, product.PackQuantity, product.BestBeforeFrom(today, random))));

    /// <summary>Takes up to <paramref name="amount"/> of <paramref name="item"/>: a sealed pack is opened first, an empty one thrown away.</summary>
    public void Use(StockItem item, double amount, List<InventoryChange> changes)
    {
        if (item.Product.Sealed && !item.Opened)
        {
            item.Opened = true;
            changes.Add(InventoryChanges.Opened(item));
        }

        var used = Math.Round(Math.Min(amount, item.Quantity), 3);
        item.Quantity = Math.Round(item.Quantity - used, 3);
        changes.Add(InventoryChanges.Consumed(item, used));
        if (item.Quantity <= 0)
        {
            Remove(item, changes);
        }
    }

    public void Remove(StockItem item, List<InventoryChange> changes)
    {
        _items.Remove(item);
        changes.Add(InventoryChanges.Removed(item));
    }
}
