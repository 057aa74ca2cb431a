using SmartHome.Cloud.Core.ShelfLife;
using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.UnitTests.Core.ShelfLife;

public class ShelfLifeFiguresTests
{
    [Fact]
    public void DaysIn_FridgeWithoutAFridgeFigure_TakesThePantryFigure()
    {
        var sut = new ShelfLifeFigures { Name = "ketchup", PantryDays = 365 };

        Assert.Equal(365, sut.DaysIn(StorageLocation.Fridge));
    }

    [Fact]
    public void DaysIn_FridgeFigureKnown_TakesIt()
    {
        var sut = new ShelfLifeFigures { Name = "potatoes", PantryDays = 30, FridgeDays = 7 };

        Assert.Equal(7, sut.DaysIn(StorageLocation.Fridge));
    }

    [Fact]
    public void DaysIn_PantryWithoutAPantryFigure_DoesNotTakeTheFridgeFigure()
    {
        var sut = new ShelfLifeFigures { Name = "milk", FridgeDays = 7 };

        Assert.Null(sut.DaysIn(StorageLocation.Pantry));
    }
}
