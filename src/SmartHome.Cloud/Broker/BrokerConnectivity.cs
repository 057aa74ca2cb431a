namespace SmartHome.Cloud.Broker;

/// <summary>
/// The core's MQTT connection as an explicit state machine (Disconnected → Connecting → Connected → …), shown in
/// <c>/healthz</c>. <see cref="WaitUntilConnectedAsync"/> is how hosts and tests wait for the core to be ready.
/// </summary>
public sealed class BrokerConnectivity(TimeProvider time)
{
    private readonly Lock gate = new();
    private TaskCompletionSource connected = NewSignal();

    public event EventHandler<BrokerConnectionState>? StateChanged;

    public BrokerConnectionState State { get; private set; } = BrokerConnectionState.Disconnected;

    public DateTimeOffset Since { get; private set; } = time.GetUtcNow();

    /// <summary>Why the last connection attempt failed or the last connection ended; null while all is well.</summary>
    public string? LastError { get; private set; }

    /// <summary>Whether the core subscribed with MQTT 5 shared subscriptions on its current connection.</summary>
    public bool SharedSubscription { get; private set; }

    public Task WaitUntilConnectedAsync(CancellationToken ct)
    {
        lock (gate)
        {
            return connected.Task.WaitAsync(ct);
        }
    }

    internal void MarkConnecting() => Move(BrokerConnectionState.Connecting, LastError, SharedSubscription);

    internal void MarkConnected(bool sharedSubscription) => Move(BrokerConnectionState.Connected, null, sharedSubscription);

    internal void MarkDisconnected(string? error) => Move(BrokerConnectionState.Disconnected, error, false);

    private void Move(BrokerConnectionState state, string? error, bool sharedSubscription)
    {
        bool changed;
        lock (gate)
        {
            changed = State != state;
            if (changed)
            {
                Since = time.GetUtcNow();
            }

            State = state;
            LastError = error;
            SharedSubscription = sharedSubscription;
            if (state == BrokerConnectionState.Connected)
            {
                connected.TrySetResult();
            }
            else if (connected.Task.IsCompleted)
            {
                connected = NewSignal();
            }
        }

        if (changed)
        {
            StateChanged?.Invoke(this, state);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
