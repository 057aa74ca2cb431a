namespace SmartHome.Gateway.Uplink;

/// <summary>
/// Paces the replay of a backlog to a number of envelopes per second, saving up at most one second's worth
/// (a generic cell rate algorithm). It runs on the monotonic clock, so a wall clock stepped by NTP cannot stall it.
/// </summary>
internal sealed class ReplayPacer
{
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _burst;
    private TimeSpan _next;

    public ReplayPacer(int envelopesPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(envelopesPerSecond, 1);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _origin = time.GetTimestamp();

        // Rounded up, so that the rate is never exceeded.
        _interval = TimeSpan.FromTicks((TimeSpan.TicksPerSecond + envelopesPerSecond - 1) / envelopesPerSecond);
        _burst = _interval * (envelopesPerSecond - 1);
    }

    /// <summary>Takes the right to send one envelope now, if the rate allows it.</summary>
    public bool TryTake()
    {
        var now = _time.GetElapsedTime(_origin);
        if (_next - now > _burst)
        {
            return false;
        }

        _next = (_next > now ? _next : now) + _interval;
        return true;
    }

    /// <summary>How long until <see cref="TryTake"/> succeeds again; never zero, so that a waiter always yields.</summary>
    public TimeSpan UntilNext()
    {
        var wait = _next - _burst - _time.GetElapsedTime(_origin);
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1);
    }
}
