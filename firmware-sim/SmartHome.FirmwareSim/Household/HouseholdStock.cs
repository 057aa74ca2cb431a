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

    public void Remove(StockItem item) => _items.Remove(item);
}
