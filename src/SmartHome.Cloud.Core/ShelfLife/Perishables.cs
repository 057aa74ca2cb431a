namespace SmartHome.Cloud.Core.ShelfLife;

/// <summary>
/// Categories where bacteria that make people ill grow in warm food: dairy, eggs, meat, poultry, fish, deli,
/// cooked and prepared food. Not condiments, bread, whole fruit and vegetables, drinks or tins. Only these are judged
/// by the unsafe rule, so only their food temperature is followed.
/// </summary>
internal static class Perishables
{
    private static readonly HashSet<string> Categories = new(StringComparer.OrdinalIgnoreCase)
    {
        "dairy", "milk", "cheese", "yogurt", "yoghurt", "eggs", "egg",
        "meat", "poultry", "fish", "seafood", "deli", "cold cuts", "vegetarian protein",
        "leftovers", "prepared", "ready meal", "cooked", "dips",
    };

    public static bool Include(string? category) => category is not null && Categories.Contains(category);
}
