using System.Text.Json;
using SmartHome.Cloud.Apis;
using SmartHome.Cloud.Delivery;
using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.UnitTests.Delivery;

public class PartnerDataMinimiserTests
{
    private static readonly JsonElement Food = Parse("""
        {"itemId":"milk-1","name":"Milk","category":"dairy","location":"fridge","quantity":1,"unit":"l","bestBefore":"2026-11-25","labelBestBefore":"2026-11-25","estimated":false}
        """);

    private static readonly JsonElement StockLow = Parse("""{"name":"Milk","category":"dairy","barcode":"4006381333931","quantity":0,"minimumQuantity":1,"unit":"l"}""");

    private static readonly JsonElement Summary = Parse("""{"weekStart":"2026-11-16","categories":[{"category":"dairy","quantity":2.5,"items":3}]}""");

    [Fact]
    public void Minimise_GroceryStockLow_GetsProductBarcodeAndQuantity()
    {
        var data = PartnerDataMinimiser.Minimise(PartnerKinds.Grocery, NeedEventTypes.StockLow, StockLow);

        Assert.Equal(StockLow.GetRawText(), data.GetRawText());
    }

    [Fact]
    public void Minimise_Dietitian_GetsCategoryTotalsButNeverItemNames()
    {
        var summary = PartnerDataMinimiser.Minimise(PartnerKinds.Dietitian, NeedEventTypes.DietWeeklySummary, Summary);
        var food = PartnerDataMinimiser.Minimise(PartnerKinds.Dietitian, NeedEventTypes.FoodExpiring, Food);
        var stock = PartnerDataMinimiser.Minimise(PartnerKinds.Dietitian, NeedEventTypes.StockLow, StockLow);

        Assert.Equal(Summary.GetRawText(), summary.GetRawText());
        Assert.Equal("""{"category":"dairy","bestBefore":"2026-11-25"}""", food.GetRawText());
        Assert.Equal("""{"category":"dairy"}""", stock.GetRawText());
    }

    [Fact]
    public void Minimise_RecipeExpiring_GetsWhatToCookWithButNoIds()
    {
        var data = PartnerDataMinimiser.Minimise(PartnerKinds.Recipe, NeedEventTypes.FoodExpiring, Food);

        Assert.Equal("""{"name":"Milk","category":"dairy","quantity":1,"unit":"l","bestBefore":"2026-11-25"}""", data.GetRawText());
    }

    [Fact]
    public void Minimise_OnlyDietitiansGetTheWeeksCategories()
    {
        foreach (var kind in new[] { PartnerKinds.Grocery, PartnerKinds.Recipe, PartnerKinds.Other })
        {
            Assert.Equal("""{"weekStart":"2026-11-16"}""", PartnerDataMinimiser.Minimise(kind, NeedEventTypes.DietWeeklySummary, Summary).GetRawText());
        }
    }

    [Fact]
    public void FieldsFor_NoKindGetsTheHouseholdsOwnIdentifiers()
    {
        foreach (var kind in PartnerKinds.All)
        {
            foreach (var type in NeedEventTypes.All)
            {
                var fields = PartnerDataMinimiser.FieldsFor(kind, type);
                Assert.NotEmpty(fields);
                Assert.DoesNotContain("itemId", fields);
                Assert.DoesNotContain("gatewayId", fields);
                Assert.DoesNotContain("appliance", fields);
                Assert.DoesNotContain("householdId", fields);
            }
        }
    }

    [Fact]
    public void Minimise_UnknownKindOrType_GetsTheLeast()
    {
        Assert.Equal("""{"category":"dairy"}""", PartnerDataMinimiser.Minimise("insurer", NeedEventTypes.StockLow, StockLow).GetRawText());
        Assert.Equal("{}", PartnerDataMinimiser.Minimise(PartnerKinds.Grocery, "shg.future.v1", StockLow).GetRawText());
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
