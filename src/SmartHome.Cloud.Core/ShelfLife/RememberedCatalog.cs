using System.Collections.Concurrent;

namespace SmartHome.Cloud.Core.ShelfLife;

/// <summary>
/// A catalog's answers remembered by name and category: every evaluation refreshes every item's estimate, and matching
/// a name against the catalog's phrases costs far more than the rest of an estimate. Safe to share between households.
/// </summary>
internal sealed class RememberedCatalog(IShelfLifeCatalog catalog)
{
    /// <summary>Beyond this many names the catalog is asked each time rather than holding every name ever seen.</summary>
    public const int MaxRemembered = 20_000;

    private readonly ConcurrentDictionary<(string? Name, string? Category), ShelfLifeFigures?> _answers = new();

    public ShelfLifeFigures? Find(string? name, string? category)
    {
        if (_answers.TryGetValue((name, category), out var figures))
        {
            return figures;
        }

        figures = catalog.Find(name, category);
        if (_answers.Count < MaxRemembered)
        {
            _answers.TryAdd((name, category), figures);
        }

        return figures;
    }
}
