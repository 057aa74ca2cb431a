using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Rules;

public class FoodExpiredRuleTests
{
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Evaluate_OnTheBestBeforeDay_DoesNotRaiseExpired()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today)));

        var raised = sut.Evaluate(twin, Start.AddHours(13).AddMinutes(59));

        Assert.DoesNotContain(raised, e => e.Type == NeedEventTypes.FoodExpired);
    }

    [Fact]
    public void Evaluate_DayAfterTheBestBefore_RaisesExpiredOnceAtMidnight()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today)));
        var midnight = new DateTimeOffset(Today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var first = sut.Evaluate(twin, midnight.AddMinutes(3));
        var later = sut.Evaluate(twin, midnight.AddHours(5));

        var expired = Assert.Single(first);
        Assert.Equal((NeedEventTypes.FoodExpired, midnight, "items/milk-1"), (expired.Type, expired.Time, expired.Subject));
        Assert.Empty(later);
    }

    [Fact]
    public void Evaluate_ItemEatenBeforeItExpired_RaisesNothing()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today), Inventory(InventoryOp.Consumed, "milk-1", Start.AddHours(1), quantity: 1)));

        Assert.Empty(sut.Evaluate(twin, Start.AddDays(3)));
    }
}
