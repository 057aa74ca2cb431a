using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
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
    public void Apply_Removed_RaisesNothing()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(7))));

        Assert.Empty(sut.Apply(twin, Envelope(Inventory(InventoryOp.Removed, "milk-1", Start.AddHours(2)))));
    }
}
