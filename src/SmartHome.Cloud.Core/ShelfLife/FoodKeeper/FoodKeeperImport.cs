namespace SmartHome.Cloud.Core.ShelfLife.FoodKeeper;

/// <summary>What an import took (one catalog entry per product) and what it left out, counted by reason.</summary>
/// <param name="ProductRows">The rows of FoodKeeper's Product sheet.</param>
/// <param name="Entries">One per product that has at least one duration.</param>
/// <param name="Skipped">Figures and products left out, by reason.</param>
public sealed record FoodKeeperImport(
    int ProductRows,
    IReadOnlyList<ShelfLifeCatalogEntry> Entries,
    IReadOnlyDictionary<FoodKeeperSkip, int> Skipped)
{
    public int SkippedCount(FoodKeeperSkip reason) => Skipped.GetValueOrDefault(reason);
}
