using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SmartHome.Gateway.ApplianceLink;
using SmartHome.Gateway.Health;
using SmartHome.Gateway.Mqtt;
using SmartHome.Gateway.Options;

namespace SmartHome.Gateway.HomeAssistant;

/// <summary>
/// Home Assistant MQTT discovery on the appliance link's broker (embedded or external), through a supervised client:
/// on every connection it subscribes to Home Assistant's status, publishes the gateway's retained availability
/// (<c>offline</c> is its last will), then publishes, retained, every discovery config and state that changed since it
/// last did. Home Assistant saying <c>online</c> makes it publish them all again. The household's notifications are
/// published as events (<see cref="NotificationEvent"/>), not retained, in the order they arrived. At shutdown it sets
/// the availability offline itself.
/// </summary>
internal sealed class HomeAssistantService(
    IOptions<GatewayOptions> options,
    HomeAssistantTopics topics,
    HomeAssistantState state,
    NotificationQueue notifications,
    ApplianceLinkService applianceLink,
    GatewayMetrics metrics,
    MqttConnectionTimings timings,
    TimeProvider time,
    ILogger<HomeAssistantService> logger) : IHostedService, IDisposable
{
    /// <summary>Without new records, the "items expiring" count is still recomputed this often, as days pass.</summary>
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromHours(1);

    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, string> _published = new(StringComparer.Ordinal);
    private MqttConnectionSupervisor? _supervisor;
    private string _broker = string.Empty;
    private Task _run = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.HomeAssistant.Enabled)
        {
            Log.Disabled(logger);
            return Task.CompletedTask;
        }

        _broker = applianceLink.Link?.Endpoint ?? throw new InvalidOperationException("The appliance link must start before Home Assistant discovery.");
        if (!BrokerAddress.TryParse(_broker, out var broker))
        {
            throw new InvalidOperationException($"The appliance link endpoint '{_broker}' is not host:port.");
        }

        var clientOptions = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(topics.ClientId)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(timings.KeepAlive)
            .WithTimeout(timings.ConnectTimeout)
            .WithWillTopic(topics.Availability)
            .WithWillPayload(GatewayAvailability.Offline)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        _supervisor = new("Home Assistant", clientOptions, _broker, timings, time, logger);
        _supervisor.Client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _run = Task.Run(() => _supervisor.RunAsync(AnnounceAsync, PublishChangesAsync, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_supervisor is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _run.WaitAsync(cancellationToken);
        if (_supervisor.Client.IsConnected)
        {
            try
            {
                await PublishRetainedAsync(_supervisor.Client, topics.Availability, GatewayAvailability.Offline, cancellationToken);
                await _supervisor.Client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
                Log.WentOffline(logger);
            }
            catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException)
            {
                Log.GoodbyeFailed(logger, ex);
            }
        }
    }

    public void Dispose()
    {
        _supervisor?.Dispose();
        _stopping.Dispose();
    }

    private static Task<MqttClientPublishResult> PublishRetainedAsync(IMqttClient client, string topic, string payload, CancellationToken cancellationToken) =>
        client.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithRetainFlag()
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(),
            cancellationToken);

    /// <summary>Null once subscribed to Home Assistant's status and online; otherwise why the broker refused.</summary>
    private async Task<string?> AnnounceAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var subscribed = await client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topics.Status, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        if (subscribed.Items.FirstOrDefault() is { ResultCode: not (MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2) } refused)
        {
            return $"broker refused the subscription to {topics.Status}: {refused.ResultCode} {subscribed.ReasonString}";
        }

        await PublishRetainedAsync(client, topics.Availability, GatewayAvailability.Online, cancellationToken);
        _published.Clear();
        Log.Announcing(logger, _broker, topics.Status, options.Value.HomeAssistant.DiscoveryPrefix);
        return null;
    }

    /// <summary>
    /// Publishes what changed and the waiting notifications, then waits for a new record, a notification, Home
    /// Assistant's status, or the hourly recheck.
    /// </summary>
    private async Task PublishChangesAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        while (true)
        {
            foreach (var message in state.Messages(time.GetLocalNow()))
            {
                if (!_published.TryGetValue(message.Topic, out var published) || !string.Equals(published, message.Payload, StringComparison.Ordinal))
                {
                    var result = await PublishRetainedAsync(client, message.Topic, message.Payload, cancellationToken);
                    if (IsAccepted(result))
                    {
                        _published[message.Topic] = message.Payload;
                    }
                    else
                    {
                        Log.PublishRefused(logger, message.Topic, result.ReasonCode.ToString());
                    }
                }
            }

            await PublishNotificationsAsync(client, cancellationToken);
            using var recheck = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(
                state.Changed.WaitToReadAsync(recheck.Token).AsTask(),
                notifications.Added.WaitToReadAsync(recheck.Token).AsTask(),
                Task.Delay(RecheckEvery, time, recheck.Token));
            await recheck.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            state.Changed.TryRead(out _);
            notifications.Added.TryRead(out _);
        }
    }

    /// <summary>Publishes the waiting notifications in order; one the broker refuses waits for the next round.</summary>
    private async Task PublishNotificationsAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        while (notifications.TryPeek(out var notification))
        {
            var result = await client.PublishAsync(
                new MqttApplicationMessageBuilder()
                    .WithTopic(topics.NotificationsEvent)
                    .WithPayload(NotificationEvent.Payload(notification))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(),
                cancellationToken);
            if (!IsAccepted(result))
            {
                Log.PublishRefused(logger, topics.NotificationsEvent, result.ReasonCode.ToString());
                return;
            }

            notifications.Remove(notification);
            state.NotificationPublished(notification);
            metrics.NotificationPublishedToHomeAssistant();
            Log.NotificationPublished(logger, notification.Id, notification.Severity.ToString());
        }
    }

    /// <summary>
    /// "No matching subscribers" is accepted too: a retained message waits for Home Assistant, and an event nobody
    /// listened to is gone, as it would be had Home Assistant been away a moment later.
    /// </summary>
    private static bool IsAccepted(MqttClientPublishResult result) =>
        result.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers;

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        if (string.Equals(message.Topic, topics.Status, StringComparison.Ordinal)
            && string.Equals(Encoding.UTF8.GetString(message.Payload.ToArray()), GatewayAvailability.Online, StringComparison.Ordinal))
        {
            Log.HomeAssistantOnline(logger);
            _published.Clear();
            state.Touch();
        }

        return Task.CompletedTask;
    }
}
