using System.Text.Json;
using SmartHome.Cloud.Core.ShelfLife;
using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.UnitTests.Core.ShelfLife;

/// <summary>Every product the firmware simulator sends finds figures for where it is kept, from the entry a person would pick.</summary>
public class SimulatorCatalogTests
{
    private static readonly Dictionary<string, string> ExpectedEntries = new()
    {
        ["milk"] = "milk",
        ["oat-drink"] = "milk",
        ["yoghurt"] = "yogurt",
        ["butter"] = "butter",
        ["cheddar"] = "hard cheese",
        ["brie"] = "soft cheese",
        ["cream-cheese"] = "cream cheese",
        ["cottage-cheese"] = "cottage cheese",
        ["double-cream"] = "cream",
        ["eggs"] = "eggs",
        ["chicken-breast"] = "poultry",
        ["beef-mince"] = "minced meat",
        ["pork-chops"] = "fresh meat",
        ["sausages"] = "sausages",
        ["bacon"] = "bacon",
        ["ham"] = "cold cuts",
        ["salami"] = "cold cuts",
        ["turkey-slices"] = "cold cuts",
        ["salmon"] = "fish",
        ["cod"] = "fish",
        ["smoked-salmon"] = "smoked fish",
        ["tofu"] = "tofu",
        ["hummus"] = "hummus",
        ["olives"] = "olives",
        ["lettuce"] = "leafy greens",
        ["spinach"] = "leafy greens",
        ["carrots"] = "carrots",
        ["broccoli"] = "broccoli",
        ["peppers"] = "peppers",
        ["cucumber"] = "cucumbers",
        ["mushrooms"] = "mushrooms",
        ["cherry-tomatoes"] = "tomatoes",
        ["strawberries"] = "berries",
        ["blueberries"] = "blueberries",
        ["apples"] = "apples",
        ["grapes"] = "grapes",
        ["orange-juice"] = "juice",
        ["ketchup"] = "ketchup",
        ["mustard"] = "mustard",
        ["mayonnaise"] = "mayonnaise",
        ["jam"] = "jam",
        ["pesto"] = "pesto",
        ["gherkins"] = "pickles",
        ["bread"] = "bread",
        ["lasagne-leftovers"] = "leftovers",
        ["curry-leftovers"] = "leftovers",
        ["soup-leftovers"] = "leftovers",
        ["chilli-leftovers"] = "leftovers",
        ["peas"] = "broccoli",
        ["fish-fingers"] = "fish fingers",
        ["pizza"] = "pizza",
        ["frozen-berries"] = "berries",
        ["ice-cream"] = "ice cream",
    };

    public static TheoryData<string, string, string, StorageLocation> Products()
    {
        using var catalog = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.SimulatorCatalog));
        var data = new TheoryData<string, string, string, StorageLocation>();
        foreach (var product in catalog.RootElement.GetProperty("products").EnumerateArray())
        {
            data.Add(
                product.GetProperty("slug").GetString()!,
                product.GetProperty("name").GetString()!,
                product.GetProperty("category").GetString()!,
                Enum.Parse<StorageLocation>(product.GetProperty("location").GetString()!, ignoreCase: true));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Products))]
    public void Find_SimulatorProduct_PicksTheExpectedEntryWithDaysForWhereItIsKept(string slug, string name, string category, StorageLocation location)
    {
        var sut = new BuiltInShelfLifeCatalog();

        var figures = sut.Find(name, category);

        Assert.True(ExpectedEntries.ContainsKey(slug), $"the simulator's {slug} has no reviewed entry in this test");
        Assert.Equal(ExpectedEntries[slug], figures?.Name);
        Assert.True(figures!.DaysIn(location) > 0, $"{name}: no days in the {location}");
    }

    [Fact]
    public void Products_CoverEveryReviewedEntry()
    {
        Assert.Equal(ExpectedEntries.Keys.Order(), Products().Select(row => (string)row[0]).Order());
    }
}
