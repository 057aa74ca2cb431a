using Microsoft.Extensions.Options;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.Health;
using SmartHome.Cloud.Options;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Notifications.Webhook;

/// <summary>
/// Sends each notification stored after a household set up its webhook to that webhook, once and in order per
/// household: not before its <c>release_at</c> (quiet hours), retried on <see cref="HouseholdWebhookRetrySchedule"/>,
/// and not at all once older than <see cref="NotificationWebhookOptions.MaxAge"/>. A send is claimed for the longest
/// attempt and a minute more, so after a crash only the one in flight is sent again, when its claim lapses.
/// </summary>
internal sealed class HouseholdWebhookDispatcher(
    HouseholdWebhookStore store,
    HouseholdWebhookSender sender,
    OutboxSignals signals,
    CloudCounters counters,
    IOptions<NotificationWebhookOptions> options,
    IOptionsMonitor<DeliveryOptions> delivery,
    TimeProvider time,
    ILogger<HouseholdWebhookDispatcher> logger) : BackgroundService
{
    // New notifications wake it; polling finds released and retried sends.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => OutboxLoop.RunAsync(
        async ct => await RunOnceAsync(options.Value, ct) > 0 ? TimeSpan.Zero : options.Value.PollInterval,
        signals.HouseholdWebhooks,
        options.Value.PollInterval,
        time,
        ex => Log.StoreUnavailable(logger, ex),
        stoppingToken);

    /// <summary>Queues new notifications, then sends what is due; answers how many sends it ended or attempted.</summary>
    internal async Task<int> RunOnceAsync(NotificationWebhookOptions settings, CancellationToken ct)
    {
        await store.EnqueueAsync(ct);
        var now = time.GetUtcNow();
        var claim = await store.ClaimAsync(
            settings.BatchSize, now + delivery.CurrentValue.LongestAttempt + TimeSpan.FromMinutes(1), now - settings.MaxAge, ct);
        foreach (var stale in claim.Stale)
        {
            Log.Stale(logger, stale.NotificationId, stale.HouseholdId, stale.Reason);
            counters.HouseholdWebhookStale();
        }

        await Task.WhenAll(claim.Claimed.Select(send => SendAsync(send, ct)));
        return claim.Claimed.Count + claim.Stale.Count;
    }

    private async Task SendAsync(ClaimedWebhookSend send, CancellationToken ct)
    {
        var result = await sender.SendAsync(send.Webhook, send.Json, ct);
        var attempt = send.Attempts + 1;
        var (notificationId, householdId) = (send.NotificationId, send.Webhook.HouseholdId);
        TimeSpan? delay = null;
        if (result.IsSuccess)
        {
            Log.Sent(logger, notificationId, householdId, send.Webhook.Format, attempt, result.StatusCode);
            counters.HouseholdWebhookSent();
        }
        else if ((delay = HouseholdWebhookRetrySchedule.NextDelay(attempt, (Random.Shared.NextDouble() * 2) - 1)) is { } wait)
        {
            Log.AttemptFailed(logger, notificationId, householdId, attempt, result.Error!, wait);
        }
        else
        {
            Log.GaveUp(logger, notificationId, householdId, attempt, result.Error!);
            counters.HouseholdWebhookFailed();
        }

        // Not the caller's token: the attempt was made, so its outcome is stored even at shutdown.
        await store.RecordAttemptAsync(send, result.IsSuccess, result.StatusCode, result.Error, time.GetUtcNow() + delay, CancellationToken.None);
    }
}
