namespace SmartHome.Cloud.Broker;

/// <summary>
/// One attempt of the core's MQTT supervisor to connect: whether it got a connection, and whether that connection
/// was lost. A disconnect event counts only for the attempt it belongs to, the current one once it is connected.
/// </summary>
internal sealed class ConnectionAttempt
{
    private readonly TaskCompletionSource lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool connected;

    public bool IsConnected => connected;

    /// <summary>Completes when this attempt's connection was lost.</summary>
    public Task Lost => lost.Task;

    public void MarkConnected() => connected = true;

    /// <summary>Marks the connection lost; false when it already was.</summary>
    public bool TryMarkLost() => lost.TrySetResult();
}
