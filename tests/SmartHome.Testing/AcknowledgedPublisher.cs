using MQTTnet;
using MQTTnet.Formatter;

namespace SmartHome.Testing;

/// <summary>
/// Publishes a numbered stream of QoS 1 messages with a fixed window of them in flight, counting a message as
/// accepted only once its PUBACK arrived. When the connection is lost it connects again, to wherever the port then
/// points, and resends every message not yet acknowledged, as appliance firmware does.
/// </summary>
public sealed class AcknowledgedPublisher(int count, int window, Func<int, MqttApplicationMessage> message)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
    private readonly int[] _acknowledged = new int[count];
    private int _accepted;
    private int _connections;

    /// <summary>Called with the number of accepted messages each time one more is accepted.</summary>
    public Action<int>? OnAccepted { get; init; }

    public int Count => count;

    public int AcceptedCount => Volatile.Read(ref _accepted);

    /// <summary>Successful connections; more than one means the publisher had to resend after a lost connection.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public bool IsAccepted(int index) => Volatile.Read(ref _acknowledged[index]) != 0;

    /// <summary>Returns once every message is accepted.</summary>
    public async Task RunAsync(Func<int> port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(port);
        while (AcceptedCount < count)
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            if (await TryConnectAsync(client, port(), cancellationToken) is not { } connected)
            {
                await Task.Delay(RetryDelay, cancellationToken);
                continue;
            }

            Interlocked.Increment(ref _connections);
            // More in flight than the broker's Receive Maximum is a protocol error (Mosquitto allows 20 by default).
            var inFlight = connected.ReceiveMaximum is { } maximum and > 0 ? Math.Min(window, maximum) : window;
            await PublishUnacknowledgedAsync(client, inFlight, cancellationToken);
        }
    }

    private static async Task<MqttClientConnectResult?> TryConnectAsync(IMqttClient client, int port, CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        try
        {
            return await client.ConnectAsync(options, cancellationToken);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task PublishUnacknowledgedAsync(IMqttClient client, int window, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(window);
        var inFlight = new List<Task>();
        for (var i = 0; i < count && client.IsConnected; i++)
        {
            if (IsAccepted(i))
            {
                continue;
            }

            await slots.WaitAsync(cancellationToken);
            inFlight.Add(PublishAsync(client, i, slots, cancellationToken));
        }

        await Task.WhenAll(inFlight);
    }

    private async Task PublishAsync(IMqttClient client, int index, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.PublishAsync(message(index), cancellationToken);
            if (result.IsSuccess && Interlocked.Exchange(ref _acknowledged[index], 1) == 0)
            {
                var accepted = Interlocked.Increment(ref _accepted);
                OnAccepted?.Invoke(accepted);
            }
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Not acknowledged: sent again on the next connection.
        }
        finally
        {
            slots.Release();
        }
    }
}
