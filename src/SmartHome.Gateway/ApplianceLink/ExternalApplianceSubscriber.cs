using MQTTnet;
using MQTTnet.Protocol;
using SmartHome.Contracts;
using SmartHome.Gateway.Uplink;

namespace SmartHome.Gateway.ApplianceLink;

/// <summary>
/// Takes appliance messages from an existing local broker: a persistent MQTT 5 session subscribed to
/// <c>appliance/+/+</c> with QoS 1. MQTTnet sends the PUBACK after the received-message handler returns, and the
/// handler returns only once the record is durable; a message that could not be stored is left unacknowledged, so
/// the broker delivers it again on the next connection.
/// </summary>
internal sealed class ExternalApplianceSubscriber(
    ApplianceMessageHandler handler, BrokerAddress broker, GatewayIdentity identity, UplinkTimings timings, TimeProvider time, ILogger logger)
    : IApplianceLink, IDisposable
{
    private const uint SessionExpirySeconds = 24 * 60 * 60;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;

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
            DateTimeOffset? connectedAt = null;
            string reason;
            try
            {
                await _client.ConnectAsync(options, stopping);
                await _client.SubscribeAsync(subscription, stopping);
                connectedAt = time.GetUtcNow();
                Log.ExternalSubscribed(logger, Topics.ApplianceFilter, Endpoint);
                reason = await lost.Task.WaitAsync(stopping);
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

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        try
        {
            await handler.HandleAsync(message.Topic, message.Payload, message.Retain, _stopping.Token);
        }
        catch (Exception)
        {
            args.ProcessingFailed = true;
        }
    }
}
