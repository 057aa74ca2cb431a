using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Events;

public class NeedEventIdTests
{
    [Fact]
    public void Apply_SameTelemetryOnAFreshTwin_RaisesTheSameIds()
    {
        var first = Replay(new FakeTimeProvider(Start.AddMinutes(15)));
        var second = Replay(new FakeTimeProvider(Start.AddMinutes(15)));

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Apply_SameSituationNoticedLater_RaisesTheSameId()
    {
        var early = Replay(new FakeTimeProvider(Start.AddMinutes(15)));
        var late = Replay(new FakeTimeProvider(Start.AddHours(3)));

        Assert.Equal(early, late);
    }

    [Fact]
    public void For_DifferentSituations_GiveDifferentIds()
    {
        var ids = new[]
        {
            NeedEventIds.For("h", "t", "items/a", "1"),
            NeedEventIds.For("h", "t", "items/a", "2"),
            NeedEventIds.For("h", "t", "items/b", "1"),
            NeedEventIds.For("h", "u", "items/a", "1"),
            NeedEventIds.For("g", "t", "items/a", "1"),
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void For_AnySituation_IsAVersion8Uuid()
    {
        var id = Guid.Parse(NeedEventIds.For("h", "t", "items/a", "1"));

        Assert.Equal(8, id.Version);
        Assert.Equal(NeedEventIds.For("h", "t", "items/a", "1"), id.ToString());
    }

    private static List<string> Replay(FakeTimeProvider time)
    {
        var sut = Engine(time);
        var twin = NewTwin();
        var raised = new List<string>();
        raised.AddRange(sut.Apply(twin, Envelope(
            Added("milk-1", Start, bestBefore: Today.AddDays(1)),
            Temperature(Start, 8),
            Temperature(Start.AddMinutes(11), 8.5),
            Status(Start, OnlineState.Offline))).Select(e => e.Id));
        raised.AddRange(sut.ApplyGatewayStatus(twin, GatewayId, new GatewayStatus { State = OnlineState.Offline }, Start).Select(e => e.Id));
        raised.AddRange(sut.Apply(twin, Envelope(Inventory(InventoryOp.Consumed, "milk-1", Start.AddMinutes(12), quantity: 1))).Select(e => e.Id));
        return [.. raised.Order()];
    }
}
