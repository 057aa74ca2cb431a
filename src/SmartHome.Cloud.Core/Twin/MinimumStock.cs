namespace SmartHome.Cloud.Core.Twin;

/// <summary>
/// "Keep at least this much": of one product (matched by name or barcode) or of a whole category, both without
/// regard to case. <see cref="Unit"/> says how <see cref="Quantity"/> counts: litres or kilograms and their parts
/// (<c>ml</c>, <c>g</c>...), or pieces when it is empty or <c>pcs</c>.
/// </summary>
public sealed record MinimumStock
{
    public string? Product { get; init; }
    public string? Category { get; init; }
    public required double Quantity { get; init; }
    public string? Unit { get; init; }

    /// <summary>What this minimum is about, e.g. <c>products/milk</c> or <c>categories/dairy</c>: the twin remembers shortfalls by it.</summary>
    public string Key => Product is { } product
        ? $"products/{product.Trim().ToLowerInvariant()}"
        : $"categories/{Category?.Trim().ToLowerInvariant()}";

    public bool Covers(InventoryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Covers(item.Name, item.Barcode, item.Category);
    }

    public bool Covers(string? name, string? barcode, string? category) => Product is { } product
        ? SameName(product, name) || SameName(product, barcode)
        : SameName(Category, category);

    private static bool SameName(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
