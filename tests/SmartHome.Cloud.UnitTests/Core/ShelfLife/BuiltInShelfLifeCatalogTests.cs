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
    [InlineData("Pork sausages", "sausages")]
    [InlineData("Leftover chicken curry", "leftovers")]
    [InlineData("Strawberry jam", "jam")]
    [InlineData("Fish fingers", "fish fingers")]
    public void Find_ByName_PicksTheMostSpecificEntry(string name, string expected)
    {
        var sut = new BuiltInShelfLifeCatalog();

        Assert.Equal(expected, sut.Find(name, category: null)?.Name);
    }

    [Theory]
    [InlineData("Chicken breast", 1)]
    [InlineData("Ground beef", 1)]
    [InlineData("Pork chops", 3)]
    [InlineData("Salmon fillet", 1)]
    [InlineData("Prawns", 1)]
    [InlineData("Leftover stew", 3)]
    [InlineData("Frozen peas", 3)]
    public void Find_FoodOftenFrozen_HasAnAfterThawingFigure(string name, int days)
    {
        var sut = new BuiltInShelfLifeCatalog();

        Assert.Equal(days, sut.Find(name, category: null)?.FridgeAfterThawingDays);
    }

    [Fact]
    public void Find_EqualKeywords_TheOneNearerTheEndOfTheNameWins()
    {
        var sut = new ShelfLifeCatalog([Entry("pork", "pork"), Entry("sausage", "sausage")]);

        Assert.Equal("sausage", sut.Find("Pork sausages", null)?.Name);
        Assert.Equal("pork", sut.Find("Sausage-meat stuffed pork", null)?.Name);
    }

    [Fact]
    public void Find_KeywordWithoutLetters_MatchesNothing()
    {
        var sut = new ShelfLifeCatalog([Entry("odd", "&"), Entry("milk", "milk")]);

        Assert.Equal("milk", sut.Find("Milk & honey", null)?.Name);
        Assert.Null(sut.Find("Salt & pepper", null));
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

    private static ShelfLifeCatalogEntry Entry(string name, string keyword) => new() { Figures = new() { Name = name }, Keywords = [keyword] };
}
