using System.Text.Json;
using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.UnitTests.Core.Events;

public class EventDataFilterTests
{
    private static readonly Dictionary<string, string[]> DairyOrMeat = new() { ["category"] = ["dairy", "Meat"] };

    [Theory]
    [InlineData("""{"name":"Milk","category":"dairy"}""", true)]
    [InlineData("""{"name":"Steak","category":"meat"}""", true)]
    [InlineData("""{"name":"Bread","category":"bakery"}""", false)]
    [InlineData("""{"name":"Mystery"}""", false)]
    public void Matches_CategoryFilter_OnStockLow(string data, bool expected)
    {
        Assert.Equal(expected, EventDataFilter.Matches(DairyOrMeat, NeedEventTypes.StockLow, JsonDocument.Parse(data).RootElement));
    }

    [Fact]
    public void Matches_TypeThatDoesNotCarryTheAttribute_IsNotFiltered()
    {
        var door = JsonDocument.Parse("""{"appliance":"f","door":"main"}""").RootElement;

        Assert.True(EventDataFilter.Matches(DairyOrMeat, NeedEventTypes.DoorLeftOpen, door));
    }

    [Fact]
    public void Matches_EveryApplicableAttributeMustMatch()
    {
        var filter = new Dictionary<string, string[]> { ["category"] = ["dairy"], ["location"] = ["freezer"] };
        var fridgeMilk = JsonDocument.Parse("""{"category":"dairy","location":"fridge"}""").RootElement;
        var frozenMilk = JsonDocument.Parse("""{"category":"dairy","location":"freezer"}""").RootElement;

        Assert.False(EventDataFilter.Matches(filter, NeedEventTypes.FoodExpiring, fridgeMilk));
        Assert.True(EventDataFilter.Matches(filter, NeedEventTypes.FoodExpiring, frozenMilk));
        Assert.True(EventDataFilter.Matches(filter, NeedEventTypes.StockLow, fridgeMilk));
    }

    [Fact]
    public void AppliesToAny_LooksAtTheTypesThePatternsSelect()
    {
        Assert.True(EventDataFilter.AppliesToAny("category", ["shg.food.*"]));
        Assert.True(EventDataFilter.AppliesToAny("compartment", ["*"]));
        Assert.False(EventDataFilter.AppliesToAny("compartment", ["shg.food.*", "shg.stock.low.v1"]));
        Assert.False(EventDataFilter.AppliesToAny("colour", ["*"]));
    }
}
