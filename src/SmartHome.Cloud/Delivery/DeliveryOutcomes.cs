using Microsoft.Extensions.Options;
using SmartHome.Cloud.Broker;
using SmartHome.Cloud.Health;
using SmartHome.Cloud.Storage;
using SmartHome.Contracts;

namespace SmartHome.Cloud.Delivery;

/// <summary>
/// What follows an attempt. Every attempt is logged and recorded. Delivered: done. Throttled (429 or 503 with
/// <c>Retry-After</c>): tried again when the endpoint asked (at most <see cref="DeliveryOptions.MaxRetryAfter"/> later),
/// without using up the retry budget. Failed: the next step of <see cref="DeliveryRetrySchedule"/>, or dead when it ran
/// out. Gone (410), or an endpoint that has accepted nothing for <see cref="DeliveryOptions.DisableAfter"/>: the
/// subscription is disabled, its deliveries held, and its partner notified. The outcomes of attempts that end at about the
/// same time are stored together (<see cref="GroupCommit{TItem, TResult}"/>), each still in one transaction with its attempt.
/// </summary>
internal sealed class DeliveryOutcomes(
    DeliveryStore deliveries,
    SubscriptionStore subscriptions,
    CoreMqttClient mqtt,
    CloudCounters counters,
    IOptionsMonitor<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryOutcomes> logger)
{
    /// <summary>Attempts whose outcomes one transaction stores at most.</summary>
    private const int MaxOutcomesPerTransaction = 256;

    // Not the caller's token: once handed in, an outcome is stored even at shutdown, since the attempt was made.
    private readonly GroupCommit<RecordedAttempt, bool> recorder = new(
        attempts => deliveries.RecordAttemptsAsync(attempts, CancellationToken.None), MaxOutcomesPerTransaction);

    public async Task RecordAsync(ClaimedDelivery delivery, DeliveryAttempt attempt, AttemptResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(attempt);
        Log.Attempted(logger, delivery.Id, delivery.PartnerId, attempt.Attempt, attempt.Outcome, attempt.StatusCode, attempt.LatencyMs);
        var now = time.GetUtcNow();
        if (result.IsSuccess)
        {
            await recorder.WriteAsync(new(delivery, attempt, DeliveryStatus.Delivered, delivery.Failures, now));
            Log.Delivered(logger, delivery.Id, delivery.PartnerId, delivery.Event.Type, attempt.Attempt);
            return;
        }

        if (DisableReason(delivery, attempt, result) is { } reason)
        {
            if (await recorder.WriteAsync(new(delivery, attempt, DeliveryStatus.Held, delivery.Failures, now)))
            {
                await DisableAsync(delivery, reason, ct);
            }

            return;
        }

        if (result.RetryAt is { } asked)
        {
            var retryAt = DeliveryRetrySchedule.Throttled(now, asked, options.CurrentValue.MaxRetryAfter);
            await recorder.WriteAsync(new(delivery, attempt, DeliveryStatus.Failed, delivery.Failures, retryAt));
            Log.AttemptThrottled(logger, delivery.Id, delivery.PartnerId, attempt.Attempt, result.StatusCode, retryAt);
            return;
        }

        var failures = delivery.Failures + 1;
        var delay = DeliveryRetrySchedule.NextDelay(failures, (Random.Shared.NextDouble() * 2) - 1);
        await recorder.WriteAsync(new(delivery, attempt, delay is null ? DeliveryStatus.Dead : DeliveryStatus.Failed, failures, now + (delay ?? TimeSpan.Zero)));
        if (delay is { } wait)
        {
            Log.AttemptFailed(logger, delivery.Id, delivery.PartnerId, attempt.Attempt, result.Error!, wait);
        }
        else
        {
            Log.DeliveryDead(logger, delivery.Id, delivery.PartnerId, attempt.Attempt, result.Error!);
        }
    }

    private string? DisableReason(ClaimedDelivery delivery, DeliveryAttempt attempt, AttemptResult result)
    {
        if (result.Outcome == AttemptOutcomes.Gone)
        {
            return result.Error;
        }

        var failingSince = delivery.FailingSince ?? attempt.StartedAt;
        var disableAfter = options.CurrentValue.DisableAfter;
        return time.GetUtcNow() - failingSince >= disableAfter
            ? $"the endpoint accepted nothing since {failingSince:O}, longer than {disableAfter} (last: {result.Error})"
            : null;
    }

    private async Task DisableAsync(ClaimedDelivery delivery, string reason, CancellationToken ct)
    {
        var notice = await deliveries.DisableSubscriptionAsync(delivery.SubscriptionId, delivery.PartnerId, reason, ct);
        if (notice is null)
        {
            return;
        }

        counters.SubscriptionDisabled();
        Log.SubscriptionDisabled(logger, delivery.SubscriptionId, delivery.PartnerId, reason);
        if (await subscriptions.UsesMqttAsync(delivery.PartnerId, ct))
        {
            // Best effort: the notice is stored for GET /api/v1/partner/notices whatever happens here.
            var outcome = await mqtt.PublishAsync(
                Topics.PartnerNotices(delivery.PartnerId), DeliveryJsonContext.ToJson(notice), "application/json", [], requireSubscriber: false, ct);
            if (!outcome.IsAcknowledged)
            {
                Log.NoticeNotPublished(logger, delivery.PartnerId, outcome.Error!);
            }
        }
    }
}
