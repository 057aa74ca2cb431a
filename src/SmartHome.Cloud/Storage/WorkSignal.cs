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

/// <summary>
/// Wakes every waiter at once (each open notification stream), unlike <see cref="WorkSignal"/>, whose first waiter
/// takes the signal. A waiter takes <see cref="Next"/> before it looks for work, so a raise in between is not lost.
/// </summary>
internal sealed class BroadcastSignal
{
    private TaskCompletionSource next = NewSignal();

    /// <summary>Completes at the next <see cref="Raise"/>.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    public void Raise() => Interlocked.Exchange(ref next, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The signals of the two outboxes.</summary>
internal sealed class OutboxSignals
{
    public WorkSignal Deliveries { get; } = new();

    /// <summary>Wakes the MQTT notification publisher. Each consumer has its own: a wait ends by resetting its signal.</summary>
    public WorkSignal Notifications { get; } = new();

    /// <summary>Wakes the households' webhook dispatcher.</summary>
    public WorkSignal HouseholdWebhooks { get; } = new();

    /// <summary>Raised when this process committed new notifications, for the live streams.</summary>
    public BroadcastSignal NotificationsStored { get; } = new();
}
