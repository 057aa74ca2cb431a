namespace SmartHome.Cloud.Core.ShelfLife;

/// <summary>
/// One row of a catalog: the figures, the words in an item's name that pick them (<c>"ground beef"</c>), and the
/// item categories they stand for when the name matches nothing (<c>"meat"</c>). Words match whole, plurals too.
/// </summary>
public sealed record ShelfLifeCatalogEntry
{
    public required ShelfLifeFigures Figures { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
}
