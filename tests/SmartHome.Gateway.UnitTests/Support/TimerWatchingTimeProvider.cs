using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace SmartHome.Gateway.UnitTests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that records the due time of every timer created on it, so that a test knows a
/// <c>Task.Delay</c> has started (and how long it is) before it advances the clock.
/// </summary>
internal sealed class TimerWatchingTimeProvider() : FakeTimeProvider(TestData.Start)
{
    public ConcurrentQueue<TimeSpan> DueTimes { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        DueTimes.Enqueue(dueTime);
        return timer;
    }
}
