namespace SmartHome.FirmwareSim.Household;

/// <summary>One pack (or dish) in the household, as the fridge tracks it.</summary>
internal sealed class StockItem(string itemId, Product product, double quantity, DateOnly bestBefore)
{
    public string ItemId { get; } = itemId;
    public Product Product { get; } = product;
    public DateOnly BestBefore { get; } = bestBefore;
    public double Quantity { get; set; } = quantity;
    public bool Opened { get; set; }

    /// <summary>Pushed to the back of the fridge: nobody eats it, and it stays until a clear-out throws it away.</summary>
    public bool Forgotten { get; set; }
}
