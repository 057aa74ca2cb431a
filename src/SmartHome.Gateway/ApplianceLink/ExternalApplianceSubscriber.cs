using MQTTnet;
using MQTTnet.Protocol;
using SmartHome.Contracts;
using SmartHome.Gateway.Uplink;

namespace SmartHome.Gateway.ApplianceLink;

/// <summary>
/// Takes appliance messages from an existing local broker: a persistent MQTT 5 session subscribed to
/// <c>appliance/+/+</c> with QoS 1. MQTTnet sends the PUBACK after the received-message handler returns, and the
/// handler returns only once the record is durable; a message that could not be stored is left unacknowledged and the
/// connection is ended, so the broker delivers it again on the next one. A refused connection or subscription counts
/// as a failed attempt.
/// </summary>
internal sealed class ExternalApplianceSubscriber(
    ApplianceMessageHandler handler, BrokerAddress broker, GatewayIdentity identity, UplinkTimings timings, TimeProvider time, ILogger logger)
    : IApplianceLink, IDisposable
{
    private const uint SessionExpirySeconds = 24 * 60 * 60;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;
    private TaskCompletionSource<string>? _lost;

    public string Mode => "external";

    public string Endpoint => broker.ToString();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _run = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _run.WaitAsync(cancellationToken);
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
        }

        Log.Stopped(logger);
    }

    public void Dispose()
    {
        _client.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var backoff = new ReconnectBackoff(timings.BackoffInitial, timings.BackoffCap);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId($"shg-{identity.HouseholdId}-{identity.GatewayId}-appliances")
            .WithCleanStart(false)
            .WithSessionExpiryInterval(SessionExpirySeconds)
            .WithKeepAlivePeriod(timings.KeepAlive)
            .WithTimeout(timings.ConnectTimeout)
            .Build();
        var subscription = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(Topics.ApplianceFilter, MqttQualityOfServiceLevel.AtLeastOnce, noLocal: false, retainAsPublished: false,
                MqttRetainHandling.SendAtSubscribeIfNewSubscriptionOnly)
            .Build();

        while (!stopping.IsCancellationRequested)
        {
            var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            Task OnDisconnected(MqttClientDisconnectedEventArgs args)
            {
                // A failed attempt raises this event too, possibly late; only the loss of a live connection ends this one.
                if (args.ClientWasConnected)
                {
                    lost.TrySetResult(args.ReasonString ?? args.Reason.ToString());
                }

                return Task.CompletedTask;
            }

            _client.DisconnectedAsync += OnDisconnected;
            Volatile.Write(ref _lost, lost);
            DateTimeOffset? connectedAt = null;
            string reason;
            try
            {
                reason = await ConnectAndSubscribeAsync(options, subscription, stopping) ?? string.Empty;
                if (reason.Length == 0)
                {
                    connectedAt = time.GetUtcNow();
                    Log.ExternalSubscribed(logger, Topics.ApplianceFilter, Endpoint);
                    reason = await lost.Task.WaitAsync(stopping);
                }

                await _client.TryDisconnectAsync();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                reason = ex.Message;
                await _client.TryDisconnectAsync();
            }
            finally
            {
                _client.DisconnectedAsync -= OnDisconnected;
            }

            if (connectedAt is { } since && time.GetUtcNow() - since >= timings.StableAfter)
            {
                backoff.Reset();
            }

            var delay = backoff.Next();
            Log.ExternalUnavailable(logger, Endpoint, reason, delay);
            try
            {
                await Task.Delay(delay, time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Null once subscribed; otherwise why the broker refused the connection or the subscription.</summary>
    private async Task<string?> ConnectAndSubscribeAsync(MqttClientOptions options, MqttClientSubscribeOptions subscription, CancellationToken stopping)
    {
        var connected = await _client.ConnectAsync(options, stopping);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            return $"broker refused the connection: {connected.ResultCode} {connected.ReasonString}";
        }

        var subscribed = await _client.SubscribeAsync(subscription, stopping);
        foreach (var item in subscribed.Items)
        {
            if (item.ResultCode == MqttClientSubscribeResultCode.GrantedQoS0)
            {
                Log.SubscriptionDowngraded(logger, item.TopicFilter.Topic, Endpoint);
            }
            else if (item.ResultCode is not (MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
            {
                return $"broker refused the subscription to {item.TopicFilter.Topic}: {item.ResultCode} {subscribed.ReasonString}";
            }
        }

        return null;
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        try
        {
            await handler.HandleAsync(message.Topic, message.Payload, message.Retain, _stopping.Token);
        }
        catch (Exception)
        {
            // No PUBACK; and since an MQTT 5 broker redelivers only on a new connection, this one is ended, so that the
            // persistent session brings the message back once the loop has reconnected.
            args.ProcessingFailed = true;
            Volatile.Read(ref _lost)?.TrySetResult("a message could not be stored");
        }
    }
}
