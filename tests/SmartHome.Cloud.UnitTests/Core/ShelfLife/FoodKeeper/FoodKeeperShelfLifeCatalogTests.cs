using SmartHome.Cloud.Core.ShelfLife.FoodKeeper;
using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.UnitTests.Core.ShelfLife.FoodKeeper;

public class FoodKeeperShelfLifeCatalogTests
{
    private static readonly Lazy<FoodKeeperShelfLifeCatalog> RealFile = new(() =>
    {
        using var stream = File.OpenRead(RepositoryFiles.FoodKeeper);
        return new FoodKeeperShelfLifeCatalog(FoodKeeperImporter.Read(stream, RepositoryFiles.FoodKeeper));
    });

    [Fact]
    public void Find_NameOnlyFoodKeeperKnows_TakesFoodKeeper()
    {
        var sut = RealFile.Value;

        var figures = sut.Find("Guacamole", "dips");

        Assert.Equal(("Guacamole", 3, 90), (figures?.Name, figures?.FridgeDays, figures?.FreezerDays));
    }

    [Fact]
    public void Find_FoodKeeperNameMoreSpecific_TakesFoodKeeper()
    {
        // Turkey bacon (ID 431): DOP_Refrigerate 2 Weeks, DOP_Freeze 2-4 Months; the table's bacon keeps 7 days.
        var figures = RealFile.Value.Find("Turkey bacon", "meat");

        Assert.Equal(("Turkey bacon", 14, 60), (figures?.Name, figures?.FridgeDays, figures?.FreezerDays));
    }

    [Fact]
    public void Find_EqualMatch_TheTableWins()
    {
        var figures = RealFile.Value.Find("Whole milk", "dairy");

        Assert.Equal("milk", figures?.Name);
    }

    [Fact]
    public void Find_FoodKeeperProductLacksAFigure_TakesItFromTheTablesEntryForTheName()
    {
        // Soy milk (ID 421): Refrigerate "Package use-by date", after opening 7-10 Days; the table's milk keeps 7 days.
        var figures = RealFile.Value.Find("Soy milk", null);

        Assert.Equal(("Soy milk", 7, 7, 90), (figures?.Name, figures?.FridgeAfterOpeningDays, figures?.FridgeDays, figures?.FreezerDays));
    }

    [Fact]
    public void Find_NameUnknownToBoth_FallsBackToTheTablesCategory()
    {
        Assert.Equal("fresh meat", RealFile.Value.Find("Osso buco", "Meat")?.Name);
    }

    [Theory]
    [MemberData(nameof(SimulatorCatalogTests.Products), MemberType = typeof(SimulatorCatalogTests))]
    public void Find_SimulatorProduct_HasDaysForWhereItIsKept(string slug, string name, string category, StorageLocation location)
    {
        var figures = RealFile.Value.Find(name, category);

        Assert.True(figures?.DaysIn(location) > 0, $"{slug} ({name}): no days in the {location}");
    }
}
