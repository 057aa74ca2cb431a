using SmartHome.Contracts.Validation;
using SmartHome.FirmwareSim.Household;

namespace SmartHome.FirmwareSim.UnitTests.Household;

public sealed class ProductCatalogTests
{
    [Fact]
    public void Packaged_EveryBarcode_IsAValidEan13()
    {
        Assert.All(ProductCatalog.Packaged, product =>
        {
            var digits = product.Barcode!.Select(c => c - '0').ToArray();
            Assert.Equal(13, digits.Length);
            var sum = digits.Take(12).Select((d, i) => i % 2 == 0 ? d : d * 3).Sum();
            Assert.Equal((10 - (sum % 10)) % 10, digits[12]);
        });
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
            Assert.True(product.ShelfLifeDays > 0);
        });
    }
}
