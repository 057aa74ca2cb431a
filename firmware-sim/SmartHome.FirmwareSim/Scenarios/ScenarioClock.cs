namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>
/// Maps simulated time onto the wall clock: simulated time starts at <see cref="Start"/> when the clock is created and
/// runs <see cref="Speed"/> times as fast as the <see cref="TimeProvider"/>, or as fast as the caller goes at <c>max</c>.
/// </summary>
public sealed class ScenarioClock
{
    private readonly TimeProvider _timeProvider;
    private readonly long _startedAt;

    public ScenarioClock(ScenarioSpeed speed, DateTimeOffset start, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Speed = speed;
        Start = start;
        _timeProvider = timeProvider;
        _startedAt = timeProvider.GetTimestamp();
    }

    public ScenarioSpeed Speed { get; }

    public DateTimeOffset Start { get; }

    /// <summary>
    /// Where a scenario starts unless told otherwise, in whole seconds: now for a run at real time or slower. A compressed
    /// run starts at the household's midnight (<paramref name="utcOffset"/>) on or before now minus the scenario's
    /// duration, so its timeline falls at the same times of day on every run and no message's <c>at</c> lies in the future.
    /// </summary>
    public static DateTimeOffset DefaultStart(TimeSpan duration, ScenarioSpeed speed, DateTimeOffset now, TimeSpan utcOffset)
    {
        if (!speed.IsCompressed)
        {
            return WholeSeconds(now);
        }

        var earliest = (now - duration).ToOffset(utcOffset);
        return new DateTimeOffset(earliest.Date, utcOffset).ToUniversalTime();
    }

    public static DateTimeOffset WholeSeconds(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);

    public TimeSpan Elapsed => _timeProvider.GetElapsedTime(_startedAt);

    /// <summary>How long until simulated time reaches <paramref name="at"/>; zero at <c>max</c> or when it has already.</summary>
    public TimeSpan Until(DateTimeOffset at)
    {
        if (Speed.SimulatedSecondsPerSecond is not { } factor)
        {
            return TimeSpan.Zero;
        }

        var due = TimeSpan.FromSeconds((at - Start).TotalSeconds / factor);
        var wait = due - Elapsed;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Returns once simulated time has reached <paramref name="at"/>.</summary>
    public async Task WaitUntilAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var wait = Until(at);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _timeProvider, cancellationToken);
        }
    }
}
