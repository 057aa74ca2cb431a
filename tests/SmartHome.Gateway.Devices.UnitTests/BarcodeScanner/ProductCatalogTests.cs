using SmartHome.Gateway.Devices.BarcodeScanner;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.Devices.UnitTests.BarcodeScanner;

public sealed class ProductCatalogTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_SampleCatalog_FindsItsProductsUpcAUnderItsEan13()
    {
        var sut = ProductCatalog.Load(Path.Combine(AppContext.BaseDirectory, "BarcodeScanner", "catalog.sample.json"));

        Assert.True(sut.TryFind("4006381333931", out var milk));
        Assert.Equal(("Milk 1 l", "dairy"), (milk.Name, milk.Category));
        Assert.True(sut.TryFind("0036000291452", out var tissues));
        Assert.Equal("Tissues", tissues.Name);
        Assert.False(sut.TryFind("4001686301556", out _));
    }

    [Theory]
    [InlineData("""{"4006381333932": {"name": "Milk"}}""", "'4006381333932' is not an EAN-13, UPC-A or EAN-8 code")]
    [InlineData("""{"4006381333931": {"category": "dairy"}}""", "missing required properties including: 'name'")]
    [InlineData("""["4006381333931"]""", "is not valid JSON")]
    public void Load_BadCatalog_ThrowsNamingTheFileAndTheProblem(string json, string expected)
    {
        var path = Path.Combine(_folder.Path, "catalog.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<InvalidDataException>(() => ProductCatalog.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
