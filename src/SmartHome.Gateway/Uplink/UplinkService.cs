using Microsoft.Extensions.Options;
using MQTTnet;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Gateway.Mqtt;
using SmartHome.Gateway.Options;

namespace SmartHome.Gateway.Uplink;

/// <summary>
/// Keeps the MQTT 5 connection to the cloud broker through a <see cref="MqttConnectionSupervisor"/>: on every
/// connection it publishes the retained online status and, when Home Assistant is to show them, subscribes to the
/// household's notifications (<see cref="NotificationReceiver"/>), then runs the <see cref="EnvelopePublisher"/> until
/// the connection drops. At shutdown it publishes the retained offline status itself and disconnects cleanly (the broker
/// sends the last will only when the connection is lost).
/// </summary>
internal sealed class UplinkService(
    IOptions<GatewayOptions> options,
    GatewayIdentity identity,
    UplinkConnectivity connectivity,
    EnvelopePublisher publisher,
    NotificationReceiver notifications,
    UplinkTimings timings,
    TimeProvider time,
    ILogger<UplinkService> logger) : BackgroundService
{
    private MqttConnectionSupervisor? _supervisor;
    private string _broker = string.Empty;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var uplink = options.Value.Uplink;
        _broker = $"{uplink.Host}:{uplink.Port}";
        var connection = timings.Connection with { BootJitter = uplink.BootJitter };
        var clientOptions = UplinkClientOptions.Create(uplink, identity, connection);
        _supervisor = new("Uplink", clientOptions, _broker, connection, time, logger, connectivity);
        if (ReceivesNotifications)
        {
            _supervisor.Client.ApplicationMessageReceivedAsync += notifications.OnMessageAsync;
        }

        return base.StartAsync(cancellationToken);
    }

    /// <summary>Home Assistant is the only one on the gateway's side who shows the household's notifications.</summary>
    private bool ReceivesNotifications => options.Value.HomeAssistant.Enabled;

    public override void Dispose()
    {
        _supervisor?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _supervisor!.RunAsync(SayHelloAsync, publisher.RunAsync, stoppingToken);
        }
        finally
        {
            await SayGoodbyeAsync(_supervisor!.Client);
        }
    }

    /// <summary>Publishes the retained online status; null once the broker took it, otherwise why it refused.</summary>
    private async Task<string?> SayHelloAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var birth = await client.PublishAsync(GatewayStatusMessages.Message(identity, OnlineState.Online), cancellationToken);
        if (birth.ReasonCode is not (MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers))
        {
            return $"broker refused the online status: {birth.ReasonCode} {birth.ReasonString}";
        }

        Log.Connected(logger, _broker, identity.BootId);
        if (ReceivesNotifications)
        {
            await notifications.SubscribeAsync(client, cancellationToken);
        }

        return null;
    }

    private async Task SayGoodbyeAsync(IMqttClient client)
    {
        if (client.IsConnected)
        {
            using var timeout = new CancellationTokenSource(timings.GoodbyeTimeout);
            try
            {
                await client.PublishAsync(GatewayStatusMessages.Message(identity, OnlineState.Offline), timeout.Token);
                await client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
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
