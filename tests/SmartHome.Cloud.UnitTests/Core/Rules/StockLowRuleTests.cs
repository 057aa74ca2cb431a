using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Rules;

public class StockLowRuleTests
{
    private readonly FakeTimeProvider _time = new(Start.AddHours(3));

    [Fact]
    public void Apply_ConsumedToZero_RaisesStockLow()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(7))));

        var raised = sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-1", Start.AddHours(2), quantity: 1)));

        var low = Assert.Single(raised);
        Assert.Equal((NeedEventTypes.StockLow, "items/milk-1", Start.AddHours(2)), (low.Type, low.Subject, low.Time));
        var data = low.Data.Deserialize(ContractsJsonContext.Default.StockLowData)!;
        Assert.Equal(("Milk", "dairy", 0.0, "l"), (data.Name, data.Category, data.Quantity, data.Unit));
    }

    [Fact]
    public void Apply_ConsumedInPart_RaisesNothing()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(7))));

        Assert.Empty(sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-1", Start.AddHours(2), quantity: 0.5))));
    }

    [Fact]
    public void Apply_LastOneRemoved_RaisesStockLow()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(7))));

        var low = Assert.Single(sut.Apply(twin, Envelope(Inventory(InventoryOp.Removed, "milk-1", Start.AddHours(2)))));

        Assert.Equal((NeedEventTypes.StockLow, "items/milk-1"), (low.Type, low.Subject));
    }

    [Fact]
    public void Apply_OneOfTwoOfTheSameProductRunsOut_RaisesNothing()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(7)), Added("milk-2", Start, name: "milk ", bestBefore: Today.AddDays(9))));

        Assert.Empty(sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-1", Start.AddHours(2), quantity: 1))));
        Assert.Single(sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-2", Start.AddHours(2.5), quantity: 1))));
    }

    [Fact]
    public void Apply_BelowTheMinimumByProduct_RaisesOnceUntilRestocked()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        twin.Settings.MinimumStock = [new MinimumStock { Product = "milk", Quantity = 1, Unit = "l" }];
        var atStart = sut.Apply(twin, Envelope(
            Added("milk-1", Start, bestBefore: Today.AddDays(7), quantity: 1),
            Added("milk-2", Start, bestBefore: Today.AddDays(7), quantity: 0.5)));

        var aboveStill = sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-2", Start.AddHours(1), quantity: 0.4)));
        var below = sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-1", Start.AddHours(2), quantity: 0.25)));
        var lower = sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-1", Start.AddHours(2.5), quantity: 0.75)));
        var stillLow = sut.Evaluate(twin, Start.AddDays(1));
        var restocked = sut.Apply(twin, Envelope(Added("milk-3", Start.AddHours(2.75), bestBefore: Today.AddDays(9), quantity: 1)));
        var belowAgain = sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-3", Start.AddHours(2.9), quantity: 0.5)));

        Assert.Empty(atStart.Concat(aboveStill).Concat(lower).Concat(stillLow).Concat(restocked));
        var low = Assert.Single(below);
        Assert.Equal((NeedEventTypes.StockLow, "stock/products/milk", Start.AddHours(2)), (low.Type, low.Subject, low.Time));
        var data = low.Data.Deserialize(ContractsJsonContext.Default.StockLowData)!;
        Assert.Equal(("milk", "dairy", 0.85, 1.0, "l"), (data.Name, data.Category, data.Quantity, data.MinimumQuantity, data.Unit));
        Assert.NotEqual(low.Id, Assert.Single(belowAgain).Id);
    }

    [Fact]
    public void Apply_MinimumInMillilitres_ComparesWithItemsInLitres()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        twin.Settings.MinimumStock = [new MinimumStock { Product = "Milk", Quantity = 500, Unit = "ml" }];
        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(7), quantity: 1)));

        var fine = sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-1", Start.AddHours(1), quantity: 0.5)));
        var below = sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-1", Start.AddHours(2), quantity: 0.1)));

        Assert.Empty(fine);
        var data = Assert.Single(below).Data.Deserialize(ContractsJsonContext.Default.StockLowData)!;
        Assert.Equal((400.0, 500.0, "ml"), (data.Quantity, data.MinimumQuantity, data.Unit));
    }

    [Fact]
    public void Apply_LastOfACategoryWithAMinimumInPieces_RaisesOnlyTheMinimum()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        twin.Settings.MinimumStock = [new MinimumStock { Category = "dairy", Quantity = 2 }];
        sut.Apply(twin, Envelope(Added("milk-1", Start, quantity: 1), Added("yogurt-1", Start, name: "Yogurt", quantity: 1)));

        var raised = sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "yogurt-1", Start.AddHours(1), quantity: 1)));

        var low = Assert.Single(raised);
        Assert.Equal("stock/categories/dairy", low.Subject);
        var data = low.Data.Deserialize(ContractsJsonContext.Default.StockLowData)!;
        Assert.Equal(("dairy", 1.0, 2.0), (data.Name, data.Quantity, data.MinimumQuantity));
    }

    [Fact]
    public void Evaluate_MinimumForWhatTheHouseholdNeverHad_RaisesOnceAtTheClock()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        twin.Settings.MinimumStock = [new MinimumStock { Product = "Butter", Quantity = 250, Unit = "g" }];

        var first = sut.Evaluate(twin, Start.AddHours(3));
        var again = sut.Evaluate(twin, Start.AddHours(4));

        var low = Assert.Single(first);
        Assert.Equal(Start.AddHours(3), low.Time);
        Assert.Empty(again);
    }

    [Fact]
    public void Evaluate_MinimumRemovedFromTheSettings_ForgetsItsShortfall()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        twin.Settings.MinimumStock = [new MinimumStock { Product = "Butter", Quantity = 1 }];
        sut.Evaluate(twin, Start.AddHours(3));

        twin.Settings.MinimumStock = [];
        sut.Evaluate(twin, Start.AddHours(4));

        Assert.Empty(twin.StockLowReported);
    }
}
