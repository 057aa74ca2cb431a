using MQTTnet;
using MQTTnet.Exceptions;

namespace SmartHome.Gateway.Mqtt;

/// <summary>
/// Keeps one MQTT client connected: connect, prepare the connection, work on it until it ends, wait out a jittered
/// backoff, start over. Used by the uplink and by the external appliance link.
/// </summary>
/// <remarks>
/// MQTTnet raises <see cref="IMqttClient.DisconnectedAsync"/> on a background task, so the event of one connection
/// can arrive after the next one is up. A single permanent handler attributes every event to a connection: each
/// established connection gets the next generation number, and an event ends the current generation only if the
/// client is not connected at that moment (MQTTnet marks the client disconnected before it raises the event, so an
/// event that finds the client connected belongs to an earlier generation). Before it connects again, the loop waits
/// (up to <see cref="MqttConnectionTimings.ConnectTimeout"/>) for the event of the connection it just closed.
/// </remarks>
internal sealed class MqttConnectionSupervisor : IDisposable
{
    private readonly string _name;
    private readonly MqttClientOptions _options;
    private readonly string _broker;
    private readonly MqttConnectionTimings _timings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMqttConnectionObserver? _observer;
    private readonly Func<double>? _unitRandom;
    private readonly Lock _gate = new();
    private long _generation;
    private Connection? _current;

    public MqttConnectionSupervisor(
        string name, MqttClientOptions options, string broker, MqttConnectionTimings timings, TimeProvider time, ILogger logger,
        IMqttConnectionObserver? observer = null, Func<double>? unitRandom = null)
    {
        _name = name;
        _options = options;
        _broker = broker;
        _timings = timings;
        _time = time;
        _logger = logger;
        _observer = observer;
        _unitRandom = unitRandom;
        Client = new MqttClientFactory().CreateMqttClient();
        Client.DisconnectedAsync += OnDisconnectedAsync;
    }

    public IMqttClient Client { get; }

    /// <summary>
    /// Waits the boot jitter, then connects again and again until <paramref name="stopping"/> is cancelled. After each CONNACK,
    /// <paramref name="prepare"/> readies the connection and returns null, or why the broker refused it; then
    /// <paramref name="work"/> runs until the connection ends (or fails, which ends the connection).
    /// </summary>
    public async Task RunAsync(
        Func<IMqttClient, CancellationToken, Task<string?>> prepare, Func<IMqttClient, CancellationToken, Task>? work, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var backoff = new ReconnectBackoff(_timings.BackoffInitial, _timings.BackoffCap, _unitRandom);
        var bootDelay = backoff.BootDelay(_timings.BootJitter);
        if (bootDelay > TimeSpan.Zero)
        {
            Log.BootJitter(_logger, _name, _broker, bootDelay);
            if (!await DelayAsync(bootDelay, stopping))
            {
                return;
            }
        }

        while (!stopping.IsCancellationRequested)
        {
            var (connectedAt, reason) = await RunConnectionAsync(prepare, work, stopping);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            if (connectedAt is { } since && _time.GetUtcNow() - since >= _timings.StableAfter)
            {
                backoff.Reset();
            }

            var delay = backoff.Next();
            Log.Unavailable(_logger, _name, _broker, reason, delay);
            if (!await DelayAsync(delay, stopping))
            {
                return;
            }
        }
    }

    /// <summary>Ends the current connection, e.g. so that the broker redelivers what was not acknowledged on it.</summary>
    public void EndConnection(string reason)
    {
        Connection? current;
        lock (_gate)
        {
            current = _current;
        }

        current?.Lost.TrySetResult(reason);
    }

    public void Dispose() => Client.Dispose();

    /// <summary>The one handler of the client's disconnect events; see the remarks on attribution.</summary>
    internal Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        if (!args.ClientWasConnected)
        {
            // A failed attempt: its failure reaches the loop through ConnectAsync.
            return Task.CompletedTask;
        }

        Connection? current;
        lock (_gate)
        {
            current = _current;
        }

        if (current is null || Client.IsConnected)
        {
            Log.StaleDisconnectIgnored(_logger, _name, current?.Generation ?? 0);
            return Task.CompletedTask;
        }

        current.Lost.TrySetResult(Describe(args));
        current.Closed.TrySetResult();
        return Task.CompletedTask;
    }

    /// <summary>False when <paramref name="stopping"/> cut the wait short.</summary>
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, _time, stopping);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string Describe(MqttClientDisconnectedEventArgs args) =>
        args.Exception is { } exception ? Describe(exception) : args.ReasonString ?? args.Reason.ToString();

    /// <summary>MQTTnet wraps the telling cause (a refused socket, a failed TLS handshake) in a generic exception.</summary>
    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null && messages.Count < 3; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(" → ", messages.Distinct());
    }

    /// <summary>One connection, from the attempt to its end; returns when it was up since, and why it ended.</summary>
    private async Task<(DateTimeOffset? ConnectedAt, string Reason)> RunConnectionAsync(
        Func<IMqttClient, CancellationToken, Task<string?>> prepare, Func<IMqttClient, CancellationToken, Task>? work, CancellationToken stopping)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        Connection? connection = null;
        DateTimeOffset? connectedAt = null;
        var working = Task.CompletedTask;
        var reason = "connection closed";
        _observer?.Connecting();
        try
        {
            var connected = await Client.ConnectAsync(_options, stopping);
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
            {
                reason = $"broker refused the connection: {connected.ResultCode} {connected.ReasonString}";
                return (null, reason);
            }

            connection = Establish();
            if (await prepare(Client, stopping) is { } refusal)
            {
                reason = refusal;
                return (null, reason);
            }

            connectedAt = _time.GetUtcNow();
            _observer?.Connected();
            working = work?.Invoke(Client, session.Token) ?? Task.CompletedTask;
            if (await Task.WhenAny(working, connection.Lost.Task) == working)
            {
                await working;
            }

            reason = await connection.Lost.Task.WaitAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            reason = Describe(ex);
            if (ex is not (MqttCommunicationException or OperationCanceledException))
            {
                Log.SessionFailed(_logger, _name, ex);
            }
        }
        finally
        {
            await session.CancelAsync();
            await working.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!stopping.IsCancellationRequested)
            {
                await Client.TryDisconnectAsync();
                if (connection is not null)
                {
                    await WaitUntilClosedAsync(connection);
                }

                _observer?.Disconnected(reason);
            }
        }

        return (connectedAt, reason);
    }

    private Connection Establish()
    {
        lock (_gate)
        {
            _current = new(++_generation);
            return _current;
        }
    }

    /// <summary>
    /// Waits for the closed connection's disconnect event, so that it is not still on its way during the next
    /// connection; the wait runs on the real clock, like the network.
    /// </summary>
    private async Task WaitUntilClosedAsync(Connection connection)
    {
        try
        {
            await connection.Closed.Task.WaitAsync(_timings.ConnectTimeout);
        }
        catch (TimeoutException)
        {
            Log.DisconnectEventMissing(_logger, _name, connection.Generation, _timings.ConnectTimeout);
        }
    }

    private sealed class Connection(long generation)
    {
        public long Generation { get; } = generation;

        /// <summary>Completed with the reason once the connection is lost or is to be ended.</summary>
        public TaskCompletionSource<string> Lost { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completed when MQTTnet reported this connection's disconnect event.</summary>
        public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
