using SmartHome.Gateway.Mqtt;

namespace SmartHome.Gateway.UnitTests.Mqtt;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Next_AtTheTopOfTheJitter_DoublesUpToTheCap()
    {
        var sut = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 1.0);

        var delays = Enumerable.Range(0, 9).Select(_ => sut.Next().TotalSeconds).ToList();

        Assert.Equal([1d, 2, 4, 8, 16, 32, 60, 60, 60], delays);
    }

    [Fact]
    public void Next_FullJitter_IsAFractionOfTheCeiling()
    {
        var sut = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 0.25);

        sut.Next();
        sut.Next();

        Assert.Equal(TimeSpan.FromSeconds(1), sut.Next());
    }

    [Fact]
    public void Next_DefaultRandom_StaysWithinZeroAndTheCeiling()
    {
        var sut = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));

        var delays = Enumerable.Range(0, 50).Select(_ => sut.Next()).ToList();

        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(4)));
        Assert.True(delays.Distinct().Count() > 1);
    }

    [Fact]
    public void Reset_AfterSeveralAttempts_StartsOverAtTheInitialDelay()
    {
        var sut = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 1.0);
        for (var i = 0; i < 5; i++)
        {
            sut.Next();
        }

        sut.Reset();

        Assert.Equal(TimeSpan.FromSeconds(1), sut.Next());
    }

    [Fact]
    public void Next_ManyAttempts_NeverOverflowsPastTheCap()
    {
        var sut = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 1.0);

        var last = Enumerable.Range(0, 200).Select(_ => sut.Next()).ToList()[^1];

        Assert.Equal(TimeSpan.FromSeconds(60), last);
    }
}
