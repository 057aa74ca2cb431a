using Microsoft.Extensions.Time.Testing;

namespace SmartHome.Gateway.UnitTests.Support;

/// <summary>
/// A fake clock whose wall time can be stepped (as NTP does) without moving its monotonic timestamps or timers,
/// which <see cref="FakeTimeProvider.SetUtcNow"/> would move too.
/// </summary>
internal sealed class SteppedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public static readonly DateTimeOffset Epoch = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public TimeSpan WallStep { get; private set; }

    public void StepWall(TimeSpan step) => WallStep += step;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + WallStep;

    // FakeTimeProvider derives its timestamps from GetUtcNow; they must not see the step.
    public override long GetTimestamp() => base.GetUtcNow().UtcTicks * (TimestampFrequency / TimeSpan.TicksPerSecond);
}
