using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Twin;

public class TemperatureHistoryTests
{
    private readonly FakeTimeProvider _time = new(Start.AddDays(3));

    [Fact]
    public void Apply_ReadingsWithinOneSlot_KeepOneSlotWithTheirRange()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Temperature(Start, 4), Temperature(Start.AddMinutes(1), 6.5), Temperature(Start.AddMinutes(4), 3)));

        var slot = Assert.Single(twin.Appliances[0].Compartments[0].History);
        Assert.Equal((Start, 3.0, 6.5), (slot.At, slot.MinCelsius, slot.MaxCelsius));
    }

    [Fact]
    public void Apply_ReadingsOverThreeDays_KeepOnlyTheRetentionWindow()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        var readings = Enumerable.Range(0, 3 * 24 * 60).Select(minute => Temperature(Start.AddMinutes(minute), 4)).ToArray();

        sut.Apply(twin, Envelope(readings));

        var history = twin.Appliances[0].Compartments[0].History;
        var options = new CoreOptions();
        Assert.Equal((int)(options.HistoryRetention / options.HistoryResolution) + 1, history.Count);
        Assert.Equal(history[^1].At - options.HistoryRetention, history[0].At);
    }

    [Fact]
    public void Apply_LateReadingForAnEarlierSlot_IsInsertedInOrder()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Temperature(Start, 4), Temperature(Start.AddMinutes(20), 4)));

        sut.Apply(twin, Envelope(Temperature(Start.AddMinutes(11), 7)));

        var history = twin.Appliances[0].Compartments[0].History;
        Assert.Equal([Start, Start.AddMinutes(10), Start.AddMinutes(20)], history.Select(s => s.At));
        Assert.Equal(7, history[1].MaxCelsius);
    }

    [Fact]
    public void Apply_ReadingOlderThanTheRetentionWindow_IsDropped()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Temperature(Start.AddDays(3), 4)));

        sut.Apply(twin, Envelope(Temperature(Start, 9)));

        Assert.Single(twin.Appliances[0].Compartments[0].History);
    }
}
