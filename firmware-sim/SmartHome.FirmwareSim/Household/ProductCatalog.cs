using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartHome.FirmwareSim.Household;

/// <summary>
/// The products the simulated household knows (what a fridge's barcode scanner would recognise), loaded once from
/// the embedded <c>Household/catalog.json</c>. Its order is fixed, so a seed always picks the same products.
/// </summary>
internal static class ProductCatalog
{
    private const string ResourceName = "SmartHome.FirmwareSim.Household.catalog.json";

    public static IReadOnlyList<Product> All { get; } = Load();

    /// <summary>Everything with a barcode: what the household buys.</summary>
    public static IReadOnlyList<Product> Packaged { get; } = [.. All.Where(p => !p.MadeAtHome)];

    /// <summary>Dishes made at home that end up in the fridge after dinner.</summary>
    public static IReadOnlyList<Product> Leftovers { get; } = [.. All.Where(p => p.MadeAtHome)];

    private static readonly Dictionary<string, Product> BySlug = All.ToDictionary(p => p.Slug, StringComparer.Ordinal);

    public static Product Get(string slug) =>
        BySlug.TryGetValue(slug, out var product) ? product : throw new KeyNotFoundException($"No product '{slug}' in the household catalog");

    private static List<Product> Load()
    {
        using var stream = typeof(ProductCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing");
        var products = JsonSerializer.Deserialize(stream, CatalogJsonContext.Default.CatalogFile)?.Products
            ?? throw new InvalidDataException($"{ResourceName} has no products");
        foreach (var product in products)
        {
            if (product.Portion <= 0 || product.Portion > product.PackQuantity || product.BestBeforeDays.Min < 1 || product.BestBeforeDays.Max < product.BestBeforeDays.Min || product.Meals.Count == 0)
            {
                throw new InvalidDataException($"{ResourceName}: product '{product.Slug}' needs 0 < portion <= packQuantity, 1 <= bestBeforeDays.min <= max and a meal");
            }
        }

        return [.. products];
    }
}

internal sealed record CatalogFile(IReadOnlyList<Product> Products);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CatalogFile))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
