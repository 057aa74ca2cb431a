using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.Options;

namespace SmartHome.Cloud.UnitTests.Delivery;

public class EndpointLimiterTests
{
    private const string Endpoint = "https://partner.example";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryEnter_EndpointFull_RefusesUntilALeaseEnds()
    {
        var sut = Limiter(maxInFlight: 2, rate: 1000, burst: 1000);
        Assert.True(sut.TryEnter(Endpoint, "sub-1", out var first));
        Assert.True(sut.TryEnter(Endpoint, "sub-2", out var second));

        Assert.False(sut.TryEnter(Endpoint, "sub-1", out var refused));
        Assert.Null(refused);
        Assert.True(sut.TryEnter("https://other.example", "sub-3", out var other));

        first!.Dispose();
        first.Dispose();
        Assert.True(sut.TryEnter(Endpoint, "sub-1", out var third));
        Assert.False(sut.TryEnter(Endpoint, "sub-1", out _));
        second!.Dispose();
        third!.Dispose();
        other!.Dispose();
    }

    [Fact]
    public void TryEnter_BurstSpent_RefusesUntilTheBucketRefills()
    {
        var sut = Limiter(maxInFlight: 4, rate: 2, burst: 2);
        Enter(sut);
        Enter(sut);

        Assert.False(sut.TryEnter(Endpoint, "sub-1", out _));
        time.Advance(TimeSpan.FromSeconds(0.4));
        Assert.False(sut.TryEnter(Endpoint, "sub-1", out _));

        time.Advance(TimeSpan.FromSeconds(0.1));
        Enter(sut);
        Assert.False(sut.TryEnter(Endpoint, "sub-1", out _));
        time.Advance(TimeSpan.FromSeconds(10));
        Enter(sut);
        Enter(sut);
        Assert.False(sut.TryEnter(Endpoint, "sub-1", out _));
    }

    [Fact]
    public void BusySubscriptions_NamesEverySubscriptionOfABusyEndpointOnly()
    {
        var sut = Limiter(maxInFlight: 1, rate: 1000, burst: 1000);
        Assert.True(sut.TryEnter(Endpoint, "sub-1", out var lease));
        Assert.False(sut.TryEnter(Endpoint, "sub-2", out _));
        Assert.True(sut.TryEnter("https://other.example", "sub-3", out var other));
        other!.Dispose();

        Assert.Equal(["sub-1", "sub-2"], sut.BusySubscriptions().Order());

        lease!.Dispose();
        Assert.Empty(sut.BusySubscriptions());
    }

    [Fact]
    public void BusySubscriptions_EndpointOutOfTokens_IsBusyUntilRefilled()
    {
        var sut = Limiter(maxInFlight: 4, rate: 1, burst: 1);
        Enter(sut);

        Assert.Equal(["sub-1"], sut.BusySubscriptions());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(sut.BusySubscriptions());
    }

    private static void Enter(EndpointLimiter sut)
    {
        Assert.True(sut.TryEnter(Endpoint, "sub-1", out var lease));
        lease!.Dispose();
    }

    private EndpointLimiter Limiter(int maxInFlight, double rate, int burst) => new(
        Microsoft.Extensions.Options.Options.Create(new DeliveryWorkerOptions { MaxInFlightPerEndpoint = maxInFlight, RatePerEndpoint = rate, BurstPerEndpoint = burst }),
        time);
}
