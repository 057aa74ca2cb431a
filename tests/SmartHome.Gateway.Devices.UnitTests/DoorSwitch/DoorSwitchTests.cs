using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Gateway.Devices.UnitTests.Support;
using Sut = SmartHome.Gateway.Devices.DoorSwitch.DoorSwitch;

namespace SmartHome.Gateway.Devices.UnitTests.DoorSwitch;

public sealed class DoorSwitchTests
{
    private const int Pin = 17;
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);

    private readonly SimulatedGpioDriver _driver = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Constructor_Always_OpensThePinWithPullUpAndListensToBothEdges()
    {
        using var sut = NewSwitch(PinValue.High);

        Assert.Equal(PinMode.InputPullUp, _driver.ModeOf(Pin));
        Assert.Equal(1, _driver.CallbackCount(Pin));
        Assert.Equal(DoorState.Open, sut.State);
    }

    [Fact]
    public void Edge_QuietForTheWindow_ReportsTheNewStateOnce()
    {
        _driver.InitialLevel = PinValue.Low;
        using var sut = NewSwitch(PinValue.High);
        var events = Record(sut);

        _driver.SetLevel(Pin, PinValue.High);
        _time.Advance(Debounce - TimeSpan.FromMilliseconds(1));
        Assert.Empty(events);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var changed = Assert.Single(events);
        Assert.Equal(DoorState.Open, changed.State);
        Assert.Equal(_time.GetUtcNow(), changed.At);
    }

    [Fact]
    public void Edges_BouncingWithinTheWindow_ReportOneEvent()
    {
        _driver.InitialLevel = PinValue.Low;
        using var sut = NewSwitch(PinValue.High);
        var events = Record(sut);

        foreach (var level in new[] { PinValue.High, PinValue.Low, PinValue.High, PinValue.Low, PinValue.High })
        {
            _driver.SetLevel(Pin, level);
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        _time.Advance(Debounce);

        var changed = Assert.Single(events);
        Assert.Equal(DoorState.Open, changed.State);
    }

    [Fact]
    public void Edges_BounceSettlingOnTheOldLevel_ReportNothing()
    {
        using var sut = NewSwitch(PinValue.High);
        var events = Record(sut);

        _driver.SetLevel(Pin, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(5));
        _driver.SetLevel(Pin, PinValue.High);
        _time.Advance(Debounce * 2);

        Assert.Empty(events);
        Assert.Equal(DoorState.Open, sut.State);
    }

    [Fact]
    public void Edges_OpenThenClose_ReportBoth()
    {
        _driver.InitialLevel = PinValue.High;
        using var sut = NewSwitch(PinValue.Low);
        var events = Record(sut);
        Assert.Equal(DoorState.Closed, sut.State);

        _driver.SetLevel(Pin, PinValue.Low);
        _time.Advance(Debounce);
        _driver.SetLevel(Pin, PinValue.High);
        _time.Advance(Debounce);

        Assert.Equal([DoorState.Open, DoorState.Closed], events.Select(e => e.State));
    }

    [Fact]
    public void TryReadState_OpenWhenLow_MapsTheLevel()
    {
        using var sut = NewSwitch(PinValue.Low);

        _driver.SetLevel(Pin, PinValue.Low);

        Assert.True(sut.TryReadState(out var state));
        Assert.Equal(DoorState.Open, state);
    }

    [Fact]
    public void Dispose_Always_UnregistersAndDisposesTheController()
    {
        var sut = NewSwitch(PinValue.High);

        sut.Dispose();

        Assert.Equal(0, _driver.CallbackCount(Pin));
        Assert.True(_driver.Disposed);
        Assert.False(sut.TryReadState(out _));
    }

    private Sut NewSwitch(PinValue openLevel) => new(new GpioController(_driver), Pin, openLevel, Debounce, _time);

    private static List<Devices.DoorSwitch.DoorSwitchChangedEventArgs> Record(Sut sut)
    {
        var events = new List<Devices.DoorSwitch.DoorSwitchChangedEventArgs>();
        sut.Changed += (_, e) => events.Add(e);
        return events;
    }
}
