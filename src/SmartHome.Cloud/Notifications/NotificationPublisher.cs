using Microsoft.Extensions.Options;
using SmartHome.Cloud.Broker;
using SmartHome.Cloud.Options;
using SmartHome.Cloud.Storage;
using SmartHome.Contracts;

namespace SmartHome.Cloud.Notifications;

/// <summary>
/// The notification outbox's publisher: a notification is stored with the change that caused it, then published
/// here to <c>shg/v1/{householdId}/notifications</c> (QoS 1) and marked published only after the broker's PUBACK.
/// A crash in between publishes it again: householders' apps dedupe by the notification id. A notification quiet
/// hours hold back (<c>release_at</c>) waits for its release; the publisher wakes for the earliest one.
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

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        return OutboxLoop.RunAsync(
            async ct =>
            {
                await connectivity.WaitUntilConnectedAsync(ct);
                var asOf = time.GetUtcNow();
                return await PublishBatchAsync(asOf, settings.BatchSize, ct) == settings.BatchSize
                    ? TimeSpan.Zero
                    : await UntilNextPollAsync(asOf, settings.PollInterval, ct);
            },
            signals.Notifications,
            settings.PollInterval,
            time,
            ex => Log.StoreUnavailable(logger, ex),
            stoppingToken);
    }

    /// <summary>
    /// The poll interval, or less when a notification held back by quiet hours is released sooner after the batch
    /// made as of <paramref name="asOf"/> (at once if that moment has passed while the batch ran).
    /// </summary>
    private async Task<TimeSpan> UntilNextPollAsync(DateTimeOffset asOf, TimeSpan pollInterval, CancellationToken ct)
    {
        if (await store.NextReleaseAsync(asOf, ct) is not { } next)
        {
            return pollInterval;
        }

        var untilRelease = next - time.GetUtcNow();
        return untilRelease < TimeSpan.Zero ? TimeSpan.Zero : untilRelease < pollInterval ? untilRelease : pollInterval;
    }

    /// <summary>
    /// Publishes the oldest released unpublished notifications in order (one quiet hours hold back does not hold back
    /// the later urgent ones); stops at the first the broker does not acknowledge.
    /// </summary>
    internal async Task<int> PublishBatchAsync(DateTimeOffset asOf, int limit, CancellationToken ct)
    {
        var published = 0;
        foreach (var notification in await store.ListUnpublishedAsync(asOf, limit, ct))
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
