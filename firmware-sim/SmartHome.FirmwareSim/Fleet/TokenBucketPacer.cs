namespace SmartHome.FirmwareSim.Fleet;

/// <summary>
/// Lets messages through at a steady rate with a small burst allowance (a token bucket, kept as the time the next
/// token is due so the arithmetic stays in whole ticks). One caller at a time: the fleet paces from a single loop.
/// </summary>
internal sealed class TokenBucketPacer
{
    private readonly TimeProvider _timeProvider;
    private readonly long _startedAt;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _burstTolerance;
    private TimeSpan _nextTokenAt;

    /// <param name="messagesPerSecond">The long-run rate.</param>
    /// <param name="burst">How many messages may go at once after a quiet spell (at least 1).</param>
    /// <param name="timeProvider">The clock; tests pass a FakeTimeProvider.</param>
    public TokenBucketPacer(double messagesPerSecond, int burst, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(messagesPerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _startedAt = timeProvider.GetTimestamp();
        _interval = TimeSpan.FromTicks(Math.Max(1, (long)Math.Round(TimeSpan.TicksPerSecond / messagesPerSecond)));
        _burstTolerance = _interval * (burst - 1);
    }

    /// <summary>Takes a token if one is available; otherwise says how long until the next one.</summary>
    public bool TryTake(out TimeSpan wait)
    {
        var now = _timeProvider.GetElapsedTime(_startedAt);
        var due = _nextTokenAt > now ? _nextTokenAt : now;
        if (due - now <= _burstTolerance)
        {
            _nextTokenAt = due + _interval;
            wait = TimeSpan.Zero;
            return true;
        }

        wait = due - _burstTolerance - now;
        return false;
    }

    /// <summary>Returns once a token has been taken.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (!TryTake(out var wait))
        {
            await Task.Delay(wait, _timeProvider, cancellationToken);
        }
    }
}
