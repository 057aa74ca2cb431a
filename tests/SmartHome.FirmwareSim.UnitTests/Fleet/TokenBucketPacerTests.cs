using Microsoft.Extensions.Time.Testing;
using SmartHome.FirmwareSim.Fleet;
using SmartHome.Testing;

namespace SmartHome.FirmwareSim.UnitTests.Fleet;

public sealed class TokenBucketPacerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TryTake_FullBucket_LetsTheBurstThroughThenAsksToWaitOneInterval()
    {
        var sut = new TokenBucketPacer(messagesPerSecond: 10, burst: 3, _time);

        Assert.True(sut.TryTake(out _));
        Assert.True(sut.TryTake(out _));
        Assert.True(sut.TryTake(out _));
        Assert.False(sut.TryTake(out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(100), wait);
    }

    [Fact]
    public void TryTake_EmptyBucket_RefillsOneTokenPerInterval()
    {
        var sut = new TokenBucketPacer(messagesPerSecond: 4, burst: 1, _time);
        Assert.True(sut.TryTake(out _));

        _time.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(sut.TryTake(out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(1), wait);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(sut.TryTake(out _));
        Assert.False(sut.TryTake(out _));
    }

    [Fact]
    public void TryTake_AfterAQuietSpell_SavesNoMoreThanTheBurst()
    {
        var sut = new TokenBucketPacer(messagesPerSecond: 100, burst: 5, _time);

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(5, Enumerable.Repeat(sut, 20).Count(pacer => pacer.TryTake(out _)));
    }

    [Fact]
    public void TryTake_TakingWheneverAllowedForOneMinute_LetsTheRateThrough()
    {
        var sut = new TokenBucketPacer(messagesPerSecond: 25, burst: 1, _time);
        var start = _time.GetUtcNow();
        var taken = 0;

        while (_time.GetUtcNow() - start <= TimeSpan.FromMinutes(1))
        {
            if (sut.TryTake(out var wait))
            {
                taken++;
            }
            else
            {
                _time.Advance(wait);
            }
        }

        // One at the start, then one every 40 ms for 60 s.
        Assert.Equal(1 + (25 * 60), taken);
    }

    [Fact]
    public async Task WaitAsync_BucketEmpty_CompletesOnlyOnceTheClockReachesTheNextToken()
    {
        var sut = new TokenBucketPacer(messagesPerSecond: 2, burst: 1, _time);
        await sut.WaitAsync(CancellationToken.None);

        var waiting = sut.WaitAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(waiting.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => waiting.IsCompletedSuccessfully, TimeSpan.FromSeconds(10), "the pacer to release the second message");
    }
}
