using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Validation;
using SmartHome.FirmwareSim.Household;

namespace SmartHome.FirmwareSim.UnitTests.Household;

public sealed class ProductCatalogTests
{
    // The categories BuiltInShelfLifeTable (cloud) falls back on for items whose name it does not know.
    private static readonly string[] CloudCategories =
    [
        "dairy", "milk", "yogurt", "cheese", "eggs", "poultry", "meat", "deli", "cold cuts", "fish", "seafood", "vegetarian protein",
        "leftovers", "dips", "bread", "condiments", "sauces", "beverages", "fruit", "vegetables", "frozen",
    ];

    [Fact]
    public void All_LoadsAbout40ProductsFromTheEmbeddedJson()
    {
        Assert.InRange(ProductCatalog.All.Count, 40, 60);
        Assert.Equal("Whole milk", ProductCatalog.Get("milk").Name);
    }

    [Fact]
    public void Packaged_EveryBarcode_IsAValidEan13()
    {
        Assert.All(ProductCatalog.Packaged, product =>
        {
            var digits = product.Barcode!.Select(c => c - '0').ToArray();
            Assert.Equal(13, digits.Length);
            Assert.All(digits, d => Assert.InRange(d, 0, 9));
            var sum = digits.Take(12).Select((d, i) => i % 2 == 0 ? d : d * 3).Sum();
            Assert.Equal((10 - (sum % 10)) % 10, digits[12]);
        });
    }

    [Fact]
    public void Packaged_EveryBarcode_IsAnInStoreNumberThatNoRealProductCarries()
    {
        // GS1 keeps prefixes 20-29 for restricted circulation (numbers a shop assigns itself).
        Assert.All(ProductCatalog.Packaged, product => Assert.StartsWith("2", product.Barcode!, StringComparison.Ordinal));
    }

    [Fact]
    public void All_BarcodesAndSlugs_AreUnique()
    {
        Assert.Equal(ProductCatalog.Packaged.Count, ProductCatalog.Packaged.Select(p => p.Barcode).Distinct().Count());
        Assert.Equal(ProductCatalog.All.Count, ProductCatalog.All.Select(p => p.Slug).Distinct().Count());
    }

    [Fact]
    public void All_EveryProduct_MakesValidItemIdsAndSensibleQuantities()
    {
        Assert.All(ProductCatalog.All, product =>
        {
            Assert.True(Identifiers.IsValid($"{product.Slug}-999"), product.Slug);
            Assert.InRange(product.Portion, 0.01, product.PackQuantity);
            Assert.InRange(product.BestBeforeDays.Min, 1, product.BestBeforeDays.Max);
            Assert.Contains(product.Unit, new[] { "l", "g", "pcs" });
            Assert.NotEmpty(product.Meals);
        });
    }

    [Fact]
    public void All_EveryCategory_IsOneTheCloudsShelfLifeTableKnows()
    {
        Assert.All(ProductCatalog.All, product => Assert.Contains(product.Category, CloudCategories));
    }

    [Fact]
    public void All_CoversCondimentsProduceMeatFishDairyLeftoversAndFreezerItems()
    {
        Assert.Contains(ProductCatalog.All, p => p.Category == "condiments" && p.BestBeforeDays.Min >= 180);
        Assert.Contains(ProductCatalog.All, p => p.Category == "vegetables");
        Assert.Contains(ProductCatalog.All, p => p.Category == "fruit");
        Assert.Contains(ProductCatalog.All, p => p.Category is "meat" or "poultry" && p.BestBeforeDays.Max <= 2);
        Assert.Contains(ProductCatalog.All, p => p.Category == "fish");
        Assert.Contains(ProductCatalog.All, p => p.Category == "dairy");
        Assert.Contains(ProductCatalog.All, p => p.Location == StorageLocation.Freezer);
        Assert.Contains(ProductCatalog.All, p => p.Staple);
    }

    [Fact]
    public void Leftovers_AreMadeAtHomeWithoutBarcodeAndKeepThreeToFourDays()
    {
        Assert.NotEmpty(ProductCatalog.Leftovers);
        Assert.All(ProductCatalog.Leftovers, product =>
        {
            Assert.Null(product.Barcode);
            Assert.Equal("leftovers", product.Category);
            Assert.Equal(new DayRange(3, 4), product.BestBeforeDays);
        });
    }
}
