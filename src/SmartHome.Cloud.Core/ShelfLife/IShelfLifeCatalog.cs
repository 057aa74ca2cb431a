namespace SmartHome.Cloud.Core.ShelfLife;

/// <summary>
/// Where shelf-life figures come from: the built-in table, or a full FoodKeeper import. A catalog does not change once
/// made: the core remembers its answers.
/// </summary>
public interface IShelfLifeCatalog
{
    /// <summary>The figures for an item, matched by its name first and its category second; null when unknown.</summary>
    ShelfLifeFigures? Find(string? name, string? category);
}
