using System.Buffers;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartHome.Contracts;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Validation;
using SmartHome.Gateway.Health;

namespace SmartHome.Gateway.Uplink;

/// <summary>
/// The household's notifications (contract §3, <c>shg/v1/{householdId}/notifications</c>) on the uplink connection:
/// subscribed with QoS 1 on every connection (a broker that lost the session has lost the subscription too). Each
/// message is checked (size, JSON, required fields, this household), passed to the observers once per notification
/// id, and counted; a bad one is dropped with its reason. A message is acknowledged once it was handled.
/// </summary>
internal sealed class NotificationReceiver(
    GatewayIdentity identity, SeenNotifications seen, IEnumerable<INotificationObserver> observers, GatewayMetrics metrics, ILogger<NotificationReceiver> logger)
{
    public const int MaxPayloadBytes = 16 * 1024;

    public string Topic { get; } = Topics.Notifications(identity.HouseholdId);

    /// <summary>Subscribes; a refusal is logged and leaves the connection up, as telemetry matters more than notifications.</summary>
    public async Task SubscribeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var result = await client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(Topic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        var code = result.Items.FirstOrDefault()?.ResultCode;
        if (code is MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2)
        {
            Log.NotificationsSubscribed(logger, Topic);
        }
        else
        {
            Log.NotificationsNotSubscribed(logger, Topic, code?.ToString() ?? "no answer", result.ReasonString);
        }
    }

    public Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var message = args.ApplicationMessage;
        if (string.Equals(message.Topic, Topic, StringComparison.Ordinal))
        {
            Handle(message.Payload);
        }

        return Task.CompletedTask;
    }

    private void Handle(ReadOnlySequence<byte> payload)
    {
        if (Read(payload, out var rejection) is not { } notification)
        {
            metrics.NotificationRejected(rejection!.Code);
            Log.NotificationRejected(logger, rejection.Code, rejection.Detail);
            return;
        }

        bool first;
        try
        {
            first = seen.TryAdd(notification.Id);
        }
        catch (IOException ex)
        {
            // Remembered in memory all the same; only a restart could pass it on twice.
            Log.SeenNotPersisted(logger, ex);
            first = true;
        }

        if (!first)
        {
            metrics.NotificationDuplicate();
            Log.NotificationDuplicate(logger, notification.Id);
            return;
        }

        metrics.NotificationAccepted();
        foreach (var observer in observers)
        {
            observer.Received(notification);
        }
    }

    private HouseholdNotification? Read(ReadOnlySequence<byte> payload, out Rejection? rejection)
    {
        rejection = null;
        if (payload.Length > MaxPayloadBytes)
        {
            rejection = new(RejectionCodes.TooLarge, $"{payload.Length} bytes, at most {MaxPayloadBytes}");
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException ex)
        {
            rejection = new(RejectionCodes.MalformedJson, ex.Message);
            return null;
        }

        HouseholdNotification? notification;
        using (document)
        {
            try
            {
                notification = document.RootElement.Deserialize(ContractsJsonContext.Default.HouseholdNotification);
            }
            catch (JsonException ex)
            {
                rejection = new(RejectionCodes.InvalidField, ex.Message);
                return null;
            }
        }

        if (notification is null || notification.Id == Guid.Empty || string.IsNullOrWhiteSpace(notification.Title)
            || string.IsNullOrWhiteSpace(notification.Type) || notification.Body is null || !Enum.IsDefined(notification.Severity))
        {
            rejection = new(RejectionCodes.InvalidField, "id, type, severity, title and body are required");
            return null;
        }

        if (!string.Equals(notification.HouseholdId, identity.HouseholdId, StringComparison.Ordinal))
        {
            rejection = new(RejectionCodes.TopicMismatch, "householdId is not this gateway's household");
            return null;
        }

        return notification;
    }
}
