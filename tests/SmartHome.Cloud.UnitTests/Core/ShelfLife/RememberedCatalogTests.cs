using SmartHome.Cloud.Core.ShelfLife;

namespace SmartHome.Cloud.UnitTests.Core.ShelfLife;

public class RememberedCatalogTests
{
    [Fact]
    public void Find_SameNameAndCategoryAgain_AsksTheCatalogOnceAndAnswersTheSame()
    {
        var catalog = new CountingCatalog();
        var sut = new RememberedCatalog(catalog);

        var first = sut.Find("Greek yoghurt", "dairy");
        var second = sut.Find("Greek yoghurt", "dairy");
        var unknown = (sut.Find("Mystery", null), sut.Find("Mystery", null));

        Assert.Same(first, second);
        Assert.Equal(new BuiltInShelfLifeCatalog().Find("Greek yoghurt", "dairy"), first);
        Assert.Equal((null, null), unknown);
        Assert.Equal(2, catalog.Asked);
    }

    [Fact]
    public void Find_BeyondTheRememberedNames_StillAnswersByAskingTheCatalog()
    {
        var catalog = new CountingCatalog();
        var sut = new RememberedCatalog(catalog);
        for (var i = 0; i < RememberedCatalog.MaxRemembered; i++)
        {
            sut.Find($"item {i}", null);
        }

        var answers = (sut.Find("Milk", null), sut.Find("Milk", null));

        Assert.Equal(new BuiltInShelfLifeCatalog().Find("Milk", null), answers.Item1);
        Assert.Equal(answers.Item1, answers.Item2);
        Assert.Equal(RememberedCatalog.MaxRemembered + 2, catalog.Asked);
    }

    private sealed class CountingCatalog : IShelfLifeCatalog
    {
        private readonly BuiltInShelfLifeCatalog _builtIn = new();

        public int Asked { get; private set; }

        public ShelfLifeFigures? Find(string? name, string? category)
        {
            Asked++;
            return _builtIn.Find(name, category);
        }
    }
}
