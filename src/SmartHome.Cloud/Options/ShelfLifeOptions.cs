namespace SmartHome.Cloud.Options;

/// <summary><c>SmartHome:Cloud:ShelfLife</c>: where shelf-life figures come from besides the built-in table.</summary>
public sealed class ShelfLifeOptions
{
    public const string Section = "SmartHome:Cloud:ShelfLife";
    public const string FoodKeeperPathKey = Section + ":FoodKeeperPath";

    /// <summary>A USDA FoodKeeper JSON export to import at start (relative paths from the content root); unset: the built-in table alone.</summary>
    public string? FoodKeeperPath { get; set; }

    public string? FullFoodKeeperPath(string contentRoot) =>
        string.IsNullOrWhiteSpace(FoodKeeperPath) ? null : Path.GetFullPath(Path.Combine(contentRoot, FoodKeeperPath));
}
