using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SmartHome.Contracts;
using SmartHome.Gateway.Mqtt;

namespace SmartHome.Gateway.ApplianceLink;

/// <summary>
/// Takes appliance messages from an existing local broker: a persistent MQTT 5 session subscribed to
/// <c>appliance/+/+</c> with QoS 1. MQTTnet sends the PUBACK after the received-message handler returns, and the
/// handler returns only once the record is durable; a message that could not be stored is left unacknowledged and the
/// connection is ended, so the broker delivers it again on the next one. A refused connection or subscription counts
/// as a failed attempt.
/// </summary>
internal sealed class ExternalApplianceSubscriber : IApplianceLink, IDisposable
{
    private const uint SessionExpirySeconds = 24 * 60 * 60;
    private readonly ApplianceMessageHandler _handler;
    private readonly ILogger _logger;
    private readonly MqttConnectionSupervisor _supervisor;
    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;

    public ExternalApplianceSubscriber(
        ApplianceMessageHandler handler, BrokerAddress broker, GatewayIdentity identity, MqttConnectionTimings timings, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(timings);
        _handler = handler;
        _logger = logger;
        Endpoint = broker.ToString();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(MqttClientIds.ApplianceLink(identity))
            .WithCleanStart(false)
            .WithSessionExpiryInterval(SessionExpirySeconds)
            .WithKeepAlivePeriod(timings.KeepAlive)
            .WithTimeout(timings.ConnectTimeout)
            .Build();
        _supervisor = new("Appliance link", options, Endpoint, timings, time, logger);
    }

    public string Mode => "external";

    public string Endpoint { get; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _supervisor.Client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _run = Task.Run(() => _supervisor.RunAsync(SubscribeAsync, work: null, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _run.WaitAsync(cancellationToken);
        if (_supervisor.Client.IsConnected)
        {
            try
            {
                await _supervisor.Client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
            }
            catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException)
            {
                // The connection went while stopping (a broker restarting, say); the persistent session keeps what is unacknowledged.
                Log.DisconnectFailed(_logger, Endpoint, ex);
            }
        }

        Log.Stopped(_logger);
    }

    public void Dispose()
    {
        _supervisor.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Null once subscribed; otherwise why the broker refused the subscription.</summary>
    private async Task<string?> SubscribeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        // Retained statuses are sent on every subscribe, not only for a new subscription: a duplicate status record is
        // harmless, while a status published as a restarted broker registers the session's subscription can be missed.
        var subscription = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(Topics.ApplianceFilter, MqttQualityOfServiceLevel.AtLeastOnce, noLocal: false, retainAsPublished: false,
                MqttRetainHandling.SendAtSubscribe)
            .Build();
        var subscribed = await client.SubscribeAsync(subscription, cancellationToken);
        foreach (var item in subscribed.Items)
        {
            if (item.ResultCode == MqttClientSubscribeResultCode.GrantedQoS0)
            {
                Log.SubscriptionDowngraded(_logger, item.TopicFilter.Topic, Endpoint);
            }
            else if (item.ResultCode is not (MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
            {
                return $"broker refused the subscription to {item.TopicFilter.Topic}: {item.ResultCode} {subscribed.ReasonString}";
            }
        }

        Log.ExternalSubscribed(_logger, Topics.ApplianceFilter, Endpoint);
        return null;
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        try
        {
            await _handler.HandleAsync(message.Topic, message.Payload, message.Retain, _stopping.Token);
        }
        catch (Exception)
        {
            // No PUBACK; and since an MQTT 5 broker redelivers only on a new connection, this one is ended, so that the
            // persistent session brings the message back once the supervisor has reconnected.
            args.ProcessingFailed = true;
            _supervisor.EndConnection("a message could not be stored");
        }
    }
}
