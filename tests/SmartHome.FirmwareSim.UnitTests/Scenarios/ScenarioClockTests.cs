using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.FirmwareSim.UnitTests.Scenarios;

public sealed class ScenarioClockTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 30, 15, 750, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public void DefaultStart_RealTime_IsNowInWholeSeconds() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 30, 15, TimeSpan.Zero), ScenarioClock.DefaultStart(TimeSpan.FromDays(7), ScenarioSpeed.RealTime, Now, TimeSpan.Zero));

    [Fact]
    public void DefaultStart_SlowerThanRealTime_IsNow() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 30, 15, TimeSpan.Zero), ScenarioClock.DefaultStart(TimeSpan.FromDays(7), ScenarioSpeed.Of(0.5), Now, TimeSpan.Zero));

    [Theory]
    [InlineData("max")]
    [InlineData("3600")]
    public void DefaultStart_Compressed_IsTheHouseholdsMidnightBeforeTheScenariosDurationBeforeNow(string speed)
    {
        Assert.True(ScenarioSpeed.TryParse(speed, out var parsed));

        Assert.Equal(new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero), ScenarioClock.DefaultStart(TimeSpan.FromDays(7), parsed, Now, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(1, "2026-11-15T23:00:00Z")]
    [InlineData(-11, "2026-11-15T11:00:00Z")]
    [InlineData(14, "2026-11-16T10:00:00Z")]
    public void DefaultStart_Compressed_IsMidnightInTheHouseholdsTimeZone(int utcOffsetHours, string expected)
    {
        var start = ScenarioClock.DefaultStart(TimeSpan.FromDays(7), ScenarioSpeed.Max, Now, TimeSpan.FromHours(utcOffsetHours));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), start);
        Assert.Equal(TimeSpan.Zero, start.ToOffset(TimeSpan.FromHours(utcOffsetHours)).TimeOfDay);
        Assert.True(start + TimeSpan.FromDays(7) <= Now);
    }

    [Fact]
    public void Until_Compressed_ScalesSimulatedTimeAndCountsWhatHasPassed()
    {
        var start = TestScenarios.Start;
        var sut = new ScenarioClock(ScenarioSpeed.Of(60), start, _time);

        Assert.Equal(TimeSpan.FromSeconds(2), sut.Until(start + TimeSpan.FromMinutes(2)));
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(TimeSpan.FromSeconds(0.5), sut.Until(start + TimeSpan.FromMinutes(2)));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, sut.Until(start + TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public void Until_Max_NeverWaits()
    {
        var sut = new ScenarioClock(ScenarioSpeed.Max, TestScenarios.Start, _time);

        Assert.Equal(TimeSpan.Zero, sut.Until(TestScenarios.Start + TimeSpan.FromDays(7)));
    }

    [Fact]
    public async Task WaitUntilAsync_RealTime_ReturnsOnlyOnceThatMuchTimeHasPassed()
    {
        var sut = new ScenarioClock(ScenarioSpeed.RealTime, TestScenarios.Start, _time);

        var waiting = sut.WaitUntilAsync(TestScenarios.Start + TimeSpan.FromSeconds(10), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("max", null)]
    [InlineData("1", 1.0)]
    [InlineData("0.5", 0.5)]
    [InlineData("86400", 86400.0)]
    public void TryParse_Speed_ReadsIt(string text, double? factor)
    {
        Assert.True(ScenarioSpeed.TryParse(text, out var sut));

        Assert.Equal(factor, sut.SimulatedSecondsPerSecond);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("fast")]
    [InlineData("100000000")]
    public void TryParse_NotASpeed_Fails(string text) => Assert.False(ScenarioSpeed.TryParse(text, out _));
}
