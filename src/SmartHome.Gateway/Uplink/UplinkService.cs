using Microsoft.Extensions.Options;
using MQTTnet;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Gateway.Options;

namespace SmartHome.Gateway.Uplink;

/// <summary>
/// Keeps the MQTT 5 connection to the cloud broker: connect, publish the retained online status, run the
/// <see cref="EnvelopePublisher"/> until the connection drops, then wait out a jittered backoff and start over.
/// At shutdown it publishes the retained offline status itself and disconnects cleanly (the broker sends the
/// last will only when the connection is lost).
/// </summary>
internal sealed class UplinkService(
    IOptions<GatewayOptions> options,
    GatewayIdentity identity,
    UplinkConnectivity connectivity,
    EnvelopePublisher publisher,
    UplinkTimings timings,
    TimeProvider time,
    ILogger<UplinkService> logger) : BackgroundService
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private MqttClientOptions? _clientOptions;
    private string _broker = string.Empty;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var uplink = options.Value.Uplink;
        _broker = $"{uplink.Host}:{uplink.Port}";
        _clientOptions = UplinkClientOptions.Create(uplink, identity, timings);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new ReconnectBackoff(timings.BackoffInitial, timings.BackoffCap);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var (connectedAt, reason) = await RunConnectionAsync(stoppingToken);
                if (connectedAt is { } since && time.GetUtcNow() - since >= timings.StableAfter)
                {
                    backoff.Reset();
                }

                var delay = backoff.Next();
                Log.Unavailable(logger, _broker, reason, delay);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await SayGoodbyeAsync();
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
    private async Task<(DateTimeOffset? ConnectedAt, string Reason)> RunConnectionAsync(CancellationToken stoppingToken)
    {
        var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task OnDisconnected(MqttClientDisconnectedEventArgs args)
        {
            // A failed attempt raises this event too, possibly late; only the loss of a live connection ends this one.
            if (args.ClientWasConnected)
            {
                lost.TrySetResult(Describe(args));
            }

            return Task.CompletedTask;
        }

        _client.DisconnectedAsync += OnDisconnected;
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        DateTimeOffset? connectedAt = null;
        var publishing = Task.CompletedTask;
        var reason = "connection closed";
        connectivity.Connecting();
        try
        {
            var connected = await _client.ConnectAsync(_clientOptions!, stoppingToken);
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
            {
                reason = $"broker refused the connection: {connected.ResultCode} {connected.ReasonString}";
                return (null, reason);
            }

            var birth = await _client.PublishAsync(GatewayStatusMessages.Message(identity, OnlineState.Online), stoppingToken);
            if (birth.ReasonCode is not (MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers))
            {
                reason = $"broker refused the online status: {birth.ReasonCode} {birth.ReasonString}";
                return (null, reason);
            }

            connectedAt = time.GetUtcNow();
            connectivity.Connected();
            Log.Connected(logger, _broker, identity.BootId);
            publishing = publisher.RunAsync(_client, session.Token);
            if (await Task.WhenAny(publishing, lost.Task) == publishing)
            {
                await publishing;
            }

            reason = await lost.Task;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            reason = Describe(ex);
            if (ex is not (MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException))
            {
                Log.SessionFailed(logger, ex);
            }
        }
        finally
        {
            await session.CancelAsync();
            await publishing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _client.DisconnectedAsync -= OnDisconnected;
            if (!stoppingToken.IsCancellationRequested)
            {
                await _client.TryDisconnectAsync();
                connectivity.Disconnected(reason);
            }
        }

        return (connectedAt, reason);
    }

    private async Task SayGoodbyeAsync()
    {
        if (_client.IsConnected)
        {
            using var timeout = new CancellationTokenSource(timings.GoodbyeTimeout);
            try
            {
                await _client.PublishAsync(GatewayStatusMessages.Message(identity, OnlineState.Offline), timeout.Token);
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
                Log.WentOffline(logger);
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
            {
                Log.GoodbyeFailed(logger, ex);
            }
        }

        if (connectivity.Current.State != UplinkState.Disconnected)
        {
            connectivity.Disconnected("gateway stopped");
        }
    }
}
