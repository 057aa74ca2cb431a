namespace SmartHome.Cloud.Storage;

/// <summary>
/// Wakes a polling worker early when this process queued work for it. Polling stays the safety net (work queued by
/// another replica, or a wake-up that raced with a batch), so a lost signal costs at most one poll interval.
/// </summary>
internal sealed class WorkSignal
{
    private TaskCompletionSource pending = NewSignal();

    public void Notify() => Volatile.Read(ref pending).TrySetResult();

    /// <summary>Waits for <see cref="Notify"/> or until <paramref name="timeout"/> has passed on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        var current = Volatile.Read(ref pending);
        try
        {
            await current.Task.WaitAsync(timeout, time, ct);
        }
        catch (TimeoutException)
        {
            return;
        }

        Interlocked.CompareExchange(ref pending, NewSignal(), current);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The signals of the two outboxes.</summary>
internal sealed class OutboxSignals
{
    public WorkSignal Deliveries { get; } = new();

    public WorkSignal Notifications { get; } = new();
}
