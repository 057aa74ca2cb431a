namespace SmartHome.Cloud.Core.ShelfLife.FoodKeeper;

/// <summary>
/// The built-in table together with a FoodKeeper import. An item's name is matched against both at once, so the more
/// specific name wins ("soy milk" is FoodKeeper's, "whole milk" the table's milk) and the table wins a tie, its
/// entries being the ones chosen for everyday names. Figures a FoodKeeper product lacks (its milk defers to the
/// package date) come from the table's entry for the same name; the category fallback is the table's.
/// </summary>
public sealed class FoodKeeperShelfLifeCatalog : IShelfLifeCatalog
{
    private readonly ShelfLifeCatalog _builtIn = new(BuiltInShelfLifeTable.Entries);
    private readonly ShelfLifeCatalog _combined;

    public FoodKeeperShelfLifeCatalog(FoodKeeperImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        _combined = new(BuiltInShelfLifeTable.Entries.Concat(import.Entries));
    }

    public ShelfLifeFigures? Find(string? name, string? category)
    {
        var found = _combined.Find(name, category);
        return found is not null && _builtIn.Find(name, category: null) is { } table && table != found
            ? Filled(found, table)
            : found;
    }

    private static ShelfLifeFigures Filled(ShelfLifeFigures found, ShelfLifeFigures table) => found with
    {
        PantryDays = found.PantryDays ?? table.PantryDays,
        FridgeDays = found.FridgeDays ?? table.FridgeDays,
        FreezerDays = found.FreezerDays ?? table.FreezerDays,
        PantryAfterOpeningDays = found.PantryAfterOpeningDays ?? table.PantryAfterOpeningDays,
        FridgeAfterOpeningDays = found.FridgeAfterOpeningDays ?? table.FridgeAfterOpeningDays,
        FridgeAfterThawingDays = found.FridgeAfterThawingDays ?? table.FridgeAfterThawingDays,
    };
}
