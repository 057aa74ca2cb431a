using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Rules;

public class DoorLeftOpenRuleTests
{
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Evaluate_DoorOpenFiveMinutes_RaisesOnce()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Door(Start, DoorState.Open)));

        var early = sut.Evaluate(twin, Start.AddMinutes(4));
        var due = sut.Evaluate(twin, Start.AddMinutes(5).AddSeconds(30));
        var later = sut.Evaluate(twin, Start.AddMinutes(20));

        Assert.Empty(early);
        var leftOpen = Assert.Single(due);
        Assert.Empty(later);
        Assert.Equal((NeedEventTypes.DoorLeftOpen, "appliances/fridge-1/doors/main", Start.AddMinutes(5)), (leftOpen.Type, leftOpen.Subject, leftOpen.Time));
        var data = leftOpen.Data.Deserialize(ContractsJsonContext.Default.DoorLeftOpenData)!;
        Assert.Equal((ApplianceId, "main", Start, 330), (data.Appliance, data.Door, data.OpenSince, data.OpenSeconds));
    }

    [Fact]
    public void Evaluate_DoorClosedInTime_RaisesNothing()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Door(Start, DoorState.Open), Door(Start.AddMinutes(2), DoorState.Closed)));

        Assert.Empty(sut.Evaluate(twin, Start.AddMinutes(30)));
    }

    [Fact]
    public void Evaluate_DoorLeftOpenAgainLater_RaisesForTheNewOpening()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Door(Start, DoorState.Open)));
        var first = sut.Evaluate(twin, Start.AddMinutes(6));
        _time.SetUtcNow(Start.AddMinutes(10));
        sut.Apply(twin, Envelope(Door(Start.AddMinutes(7), DoorState.Closed), Door(Start.AddMinutes(10), DoorState.Open)));

        var second = sut.Evaluate(twin, Start.AddMinutes(16));

        Assert.NotEqual(Assert.Single(first).Id, Assert.Single(second).Id);
    }

    /// <summary>The simulator's <c>door-bounce</c>: each change followed by quick flips to the other state and back, 20 ms apart.</summary>
    private static TelemetryRecord[] Bouncing(DateTimeOffset at, DoorState state)
    {
        var other = state == DoorState.Open ? DoorState.Closed : DoorState.Open;
        return
        [
            Door(at, state),
            .. Enumerable.Range(0, 3).SelectMany(i => new[]
            {
                Door(at.AddMilliseconds(20 * (2 * i + 1)), other),
                Door(at.AddMilliseconds(20 * (2 * i + 2)), state),
            }),
        ];
    }

    [Fact]
    public void Evaluate_BouncingSwitchOnShortOpenings_RaisesNothing()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        var raised = new List<NeedEvent>();
        for (var minute = 0; minute < 60; minute += 4)
        {
            var opened = Start.AddMinutes(minute);
            _time.SetUtcNow(opened.AddMinutes(3));
            raised.AddRange(sut.Apply(twin, Envelope([.. Bouncing(opened, DoorState.Open), .. Bouncing(opened.AddMinutes(3), DoorState.Closed)])));
            raised.AddRange(sut.Evaluate(twin, opened.AddMinutes(4)));
        }

        Assert.Empty(raised);
    }

    [Fact]
    public void Evaluate_DoorLeftOpenWithABouncingSwitch_RaisesOnceFromTheFirstOpening()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Bouncing(Start, DoorState.Open)));

        var due = sut.Evaluate(twin, Start.AddMinutes(6));
        // The switch chatters while the door stays open (someone leaning on it).
        _time.SetUtcNow(Start.AddMinutes(8));
        sut.Apply(twin, Envelope(Bouncing(Start.AddMinutes(8), DoorState.Open)[1..]));
        var later = sut.Evaluate(twin, Start.AddMinutes(30));

        var leftOpen = Assert.Single(due);
        Assert.Equal(Start, leftOpen.Data.Deserialize(ContractsJsonContext.Default.DoorLeftOpenData)!.OpenSince);
        Assert.Empty(later);
    }
}
