using SmartHome.Cloud.Core.ShelfLife;

namespace SmartHome.Cloud.UnitTests.Core.ShelfLife;

public class BuiltInShelfLifeCatalogTests
{
    [Theory]
    [InlineData("Whole Milk 3.5%", "milk")]
    [InlineData("Buttermilk", "buttermilk")]
    [InlineData("Butter", "butter")]
    [InlineData("Peanut Butter", "peanut butter")]
    [InlineData("Cream Cheese", "cream cheese")]
    [InlineData("Ice Cream", "ice cream")]
    [InlineData("Mature cheddar", "hard cheese")]
    [InlineData("Smoked Salmon", "smoked fish")]
    [InlineData("Salmon fillet", "fish")]
    [InlineData("Chicken breast", "poultry")]
    [InlineData("Ground beef", "minced meat")]
    [InlineData("Strawberries", "berries")]
    [InlineData("Cherry tomatoes", "tomatoes")]
    [InlineData("EGGS", "eggs")]
    [InlineData("Orange juice", "juice")]
    [InlineData("Potato salad", "prepared salad")]
    public void Find_ByName_PicksTheMostSpecificEntry(string name, string expected)
    {
        var sut = new BuiltInShelfLifeCatalog();

        Assert.Equal(expected, sut.Find(name, category: null)?.Name);
    }

    [Fact]
    public void Find_NameUnknownCategoryKnown_FallsBackToTheCategory()
    {
        var sut = new BuiltInShelfLifeCatalog();

        Assert.Equal("fresh meat", sut.Find("Osso buco", "Meat")?.Name);
    }

    [Fact]
    public void Find_NothingKnown_ReturnsNull()
    {
        var sut = new BuiltInShelfLifeCatalog();

        Assert.Null(sut.Find("Mystery box", "stuff"));
        Assert.Null(sut.Find(null, null));
    }

    [Fact]
    public void Find_Milk_HasFoodKeeperFigures()
    {
        var sut = new BuiltInShelfLifeCatalog();

        var milk = sut.Find("Milk", "dairy")!;

        Assert.Equal((7, 90, 7), (milk.FridgeDays!.Value, milk.FreezerDays!.Value, milk.FridgeAfterOpeningDays!.Value));
    }

    [Fact]
    public void Find_WordInsideAnotherWord_DoesNotMatch()
    {
        var sut = new ShelfLifeCatalog([new ShelfLifeCatalogEntry { Figures = new() { Name = "ham" }, Keywords = ["ham"] }]);

        Assert.Null(sut.Find("Hamburger buns", null));
        Assert.Equal("ham", sut.Find("Smoked ham slices", null)?.Name);
    }
}
