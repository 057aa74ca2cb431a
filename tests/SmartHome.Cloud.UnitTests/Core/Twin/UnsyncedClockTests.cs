using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Twin;

public class UnsyncedClockTests
{
    private static readonly DateTimeOffset Epoch = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Apply_RecordStampedWithAnUnsyncedClock_TakesTheReceiveTime()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Temperature(Epoch.AddSeconds(40), 4.1) with { ClockSynced = false }));

        var compartment = twin.Appliances[0].FindCompartment("fridge")!;
        Assert.Equal((4.1, Start), (compartment.Celsius, compartment.At));
    }

    [Fact]
    public void Apply_DoorOpenedWithAnUnsyncedClock_IsNotTakenAsOpenSince1970()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        var raised = sut.Apply(twin, Envelope(Door(Epoch.AddSeconds(40), DoorState.Open) with { ClockSynced = false }));

        Assert.Empty(raised);
        Assert.Equal(Start, twin.Appliances[0].Doors[0].Since);
        Assert.Empty(sut.Evaluate(twin, Start.AddMinutes(1)));
    }

    [Fact]
    public void Apply_OldTimeFromTheFirmwareNotFlagged_KeepsTheFirmwaresTime()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Temperature(Start.AddMinutes(-10), 4.1)));

        Assert.Equal(Start.AddMinutes(-10), twin.Appliances[0].FindCompartment("fridge")!.At);
    }
}
