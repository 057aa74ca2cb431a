using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Events;

/// <summary>Events as the rules raise them are news in the twin that raised them, and stop being news when the records say so.</summary>
public class NeedEventRelevanceWithRulesTests
{
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void DoorLeftOpen_IsNewsUntilTheDoorCloses()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Door(Start, DoorState.Open)));
        _time.Advance(TimeSpan.FromMinutes(6));
        var leftOpen = Assert.Single(sut.Evaluate(twin, _time.GetUtcNow()));

        Assert.Null(NeedEventRelevance.WhyStale(leftOpen, twin, Start.AddMinutes(7)));
        _time.Advance(TimeSpan.FromMinutes(2));
        sut.Apply(twin, Envelope(Door(Start.AddMinutes(8), DoorState.Closed)));
        Assert.Equal("stale: the door was closed", NeedEventRelevance.WhyStale(leftOpen, twin, Start.AddMinutes(9)));
    }

    [Fact]
    public void StockLow_IsNewsUntilTheProductIsBack()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(7))));
        _time.Advance(TimeSpan.FromMinutes(10));
        var ranOut = Assert.Single(sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-1", Start.AddMinutes(10), quantity: 1))));

        Assert.Equal(NeedEventTypes.StockLow, ranOut.Type);
        Assert.Null(NeedEventRelevance.WhyStale(ranOut, twin, Start.AddMinutes(20)));
        _time.Advance(TimeSpan.FromMinutes(20));
        sut.Apply(twin, Envelope(Added("milk-2", Start.AddMinutes(30), bestBefore: Today.AddDays(9))));
        Assert.Equal("stale: it has been restocked", NeedEventRelevance.WhyStale(ranOut, twin, Start.AddMinutes(40)));
    }

    [Fact]
    public void TemperatureExcursion_IsNewsUntilTheCompartmentCoolsDown()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Temperature(Start, 9)));
        _time.Advance(TimeSpan.FromMinutes(11));
        var excursion = Assert.Single(sut.Apply(twin, Envelope(Temperature(Start.AddMinutes(11), 9.5))));

        Assert.Equal(NeedEventTypes.TemperatureExcursion, excursion.Type);
        Assert.Null(NeedEventRelevance.WhyStale(excursion, twin, Start.AddMinutes(12)));
        _time.Advance(TimeSpan.FromMinutes(9));
        sut.Apply(twin, Envelope(Temperature(Start.AddMinutes(20), 3)));
        Assert.Equal("stale: the compartment is back in its safe range", NeedEventRelevance.WhyStale(excursion, twin, Start.AddMinutes(21)));
    }

    [Fact]
    public void FoodExpiring_IsNewsUntilTheItemIsEaten()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        var expiring = Assert.Single(sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(1)))), e => e.Type == NeedEventTypes.FoodExpiring);

        Assert.Null(NeedEventRelevance.WhyStale(expiring, twin, Start.AddMinutes(6)));
        _time.Advance(TimeSpan.FromMinutes(30));
        sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-1", Start.AddMinutes(30), quantity: 1)));
        Assert.Equal("stale: the item is gone", NeedEventRelevance.WhyStale(expiring, twin, Start.AddMinutes(31)));
    }
}
