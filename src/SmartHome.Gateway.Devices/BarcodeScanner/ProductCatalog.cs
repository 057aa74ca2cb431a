using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartHome.Gateway.Devices.BarcodeScanner;

/// <summary>
/// The local product catalog: a JSON object from barcode to product,
/// <c>{"4006381333931": {"name": "Milk 1 l", "category": "dairy"}}</c>. UPC-A keys are normalised like scans.
/// </summary>
public sealed class ProductCatalog
{
    private readonly Dictionary<string, CatalogProduct> _products;

    private ProductCatalog(Dictionary<string, CatalogProduct> products) => _products = products;

    public static ProductCatalog Empty { get; } = new([]);

    public int Count => _products.Count;

    /// <summary>Reads a catalog file; throws <see cref="InvalidDataException"/> naming the file and what is wrong.</summary>
    public static ProductCatalog Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Dictionary<string, CatalogProduct>? entries;
        try
        {
            using var file = File.OpenRead(path);
            entries = JsonSerializer.Deserialize(file, CatalogJsonContext.Default.DictionaryStringCatalogProduct);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"product catalog {path} is not valid JSON: {ex.Message}", ex);
        }

        var products = new Dictionary<string, CatalogProduct>(StringComparer.Ordinal);
        foreach (var (code, product) in entries ?? [])
        {
            if (!Gtin.TryNormalize(code, out var gtin))
            {
                throw new InvalidDataException($"product catalog {path}: '{code}' is not an EAN-13, UPC-A or EAN-8 code with a valid check digit");
            }

            if (string.IsNullOrWhiteSpace(product?.Name))
            {
                throw new InvalidDataException($"product catalog {path}: '{code}' needs a name");
            }

            products[gtin] = product;
        }

        return new(products);
    }

    /// <summary>Looks up a normalised code (see <see cref="Gtin.TryNormalize"/>).</summary>
    public bool TryFind(string gtin, [NotNullWhen(true)] out CatalogProduct? product) => _products.TryGetValue(gtin, out product);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(Dictionary<string, CatalogProduct>))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
