using System.Data.Common;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Broker;
using SmartHome.Cloud.Options;
using SmartHome.Cloud.Storage;
using SmartHome.Contracts;

namespace SmartHome.Cloud.Notifications;

/// <summary>
/// The notification outbox's publisher: a notification is stored with the change that caused it, then published
/// here to <c>shg/v1/{householdId}/notifications</c> (QoS 1) and marked published only after the broker's PUBACK.
/// A crash in between publishes it again: householders' apps dedupe by the notification id.
/// </summary>
internal sealed class NotificationPublisher(
    NotificationStore store,
    CoreMqttClient mqtt,
    BrokerConnectivity connectivity,
    OutboxSignals signals,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationPublisher> logger) : BackgroundService
{
    private const string ContentType = "application/json";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await connectivity.WaitUntilConnectedAsync(stoppingToken);
                if (await PublishBatchAsync(settings.BatchSize, stoppingToken) == settings.BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (DbException ex)
            {
                Log.StoreUnavailable(logger, ex);
            }

            try
            {
                await signals.Notifications.WaitAsync(settings.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Publishes the oldest unpublished notifications in order; stops at the first the broker does not acknowledge.</summary>
    internal async Task<int> PublishBatchAsync(int limit, CancellationToken ct)
    {
        var published = 0;
        foreach (var notification in await store.ListUnpublishedAsync(limit, ct))
        {
            // Householders' apps need not be listening: the notification stays readable through the API.
            var outcome = await mqtt.PublishAsync(
                Topics.Notifications(notification.HouseholdId), notification.Json, ContentType, [], requireSubscriber: false, ct);
            if (!outcome.IsAcknowledged)
            {
                Log.PublishFailed(logger, notification.Id, notification.HouseholdId, outcome.Error!);
                break;
            }

            await store.MarkPublishedAsync(notification.Id, ct);
            published++;
        }

        return published;
    }
}
