namespace SmartHome.Contracts.Events;

/// <summary>The <c>data</c> of <c>shg.stock.low.v1</c>.</summary>
public sealed record StockLowData
{
    public required string Name { get; init; }
    public string? Category { get; init; }
    public string? Barcode { get; init; }
    public required double Quantity { get; init; }
    public double? MinimumQuantity { get; init; }
    public string? Unit { get; init; }
}
