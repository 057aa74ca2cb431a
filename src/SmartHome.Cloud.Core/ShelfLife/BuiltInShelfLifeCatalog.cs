namespace SmartHome.Cloud.Core.ShelfLife;

/// <summary>The catalog the product ships: common household foods (see <see cref="BuiltInShelfLifeTable"/>).</summary>
public sealed class BuiltInShelfLifeCatalog : IShelfLifeCatalog
{
    private readonly ShelfLifeCatalog _catalog = new(BuiltInShelfLifeTable.Entries);

    public ShelfLifeFigures? Find(string? name, string? category) => _catalog.Find(name, category);
}
