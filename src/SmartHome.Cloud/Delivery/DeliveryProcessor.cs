using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Broker;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Storage;
using SmartHome.Contracts;
using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.Delivery;

/// <summary>
/// Attempts one claimed delivery. Consent and the subscription are checked now, at delivery time: without them the
/// delivery is <c>cancelled</c> with the reason and nothing is sent (a consent given later does not revive it).
/// A newer event about the same subject for the same subscription makes it <c>superseded</c>
/// (<see cref="NeedEventCollapse"/>); an event no longer true in the household's twin, or past its news lifetime, is
/// <c>cancelled</c> as stale (<see cref="NeedEventRelevance"/>).
/// The event goes out as the partner's CloudEvent, with the household and the subject under the partner's pseudonyms,
/// an event id of its own and only the data its kind of partner receives (<see cref="PartnerDataMinimiser"/>). A
/// delivery of a disabled subscription is <c>held</c> unsent; what follows an attempt is <see cref="DeliveryOutcomes"/>'
/// business.
/// </summary>
internal sealed class DeliveryProcessor(
    DeliveryStore deliveries,
    ConsentStore consents,
    HouseholdStore households,
    HouseholdPseudonyms pseudonyms,
    WebhookSender webhooks,
    DeliveryOutcomes outcomes,
    CoreMqttClient mqtt,
    TimeProvider time,
    IOptionsMonitor<DeliveryOptions> options,
    ILogger<DeliveryProcessor> logger)
{
    /// <param name="delivery">The claimed delivery.</param>
    /// <param name="sent">Called once the endpoint has answered (or failed to), before the outcome is stored.</param>
    /// <param name="ct">Cancels the attempt.</param>
    public async Task ProcessAsync(ClaimedDelivery delivery, Action sent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(sent);
        var needEvent = delivery.Event;

        // Read again, not as the claim found it: a subscription deleted or disabled since then sends nothing.
        var subscriptionStatus = await deliveries.SubscriptionStatusAsync(delivery.SubscriptionId, ct);
        if (subscriptionStatus == SubscriptionStatus.Disabled)
        {
            if (await deliveries.MarkHeldAsync(delivery, ct))
            {
                Log.Held(logger, delivery.Id, delivery.PartnerId);
            }

            return;
        }

        if (subscriptionStatus != SubscriptionStatus.Active)
        {
            await CancelAsync(delivery, SubscriptionStore.DeletedReason, ct);
            return;
        }

        var consented = await consents.FindTypesAsync(needEvent.HouseholdId, delivery.PartnerId, ct);
        if (!EventTypePattern.MatchesAny(consented, needEvent.Type))
        {
            await CancelAsync(delivery, $"the household has not consented to {needEvent.Type} for this partner", ct);
            return;
        }

        if (await deliveries.FindNewerAsync(delivery, NeedEventCollapse.SupersededBy(needEvent.Type), ct) is { } newer)
        {
            await deliveries.MarkSupersededAsync(delivery, newer, ct);
            Log.Superseded(logger, delivery.Id, delivery.PartnerId, newer);
            return;
        }

        var twin = await households.FindTwinAsync(needEvent.HouseholdId, ct);
        if (NeedEventRelevance.WhyStale(needEvent, twin, time.GetUtcNow()) is { } stale)
        {
            await CancelAsync(delivery, stale, ct);
            return;
        }

        var householdRef = await pseudonyms.ForPartnerAsync(delivery.PartnerId, needEvent.HouseholdId, ct);
        var eventId = PartnerEventIds.For(delivery.PartnerId, needEvent.Id);
        var shared = needEvent with
        {
            Subject = needEvent.Subject is { } subject ? await pseudonyms.SubjectForPartnerAsync(delivery.PartnerId, needEvent.HouseholdId, subject, ct) : null,
            Data = PartnerDataMinimiser.Minimise(delivery.PartnerKind, needEvent.Type, needEvent.Data),
        };
        var body = NeedEventCloudEventWriter.ToStructuredJson(shared, eventId, $"/households/{householdRef}");
        if (Encoding.UTF8.GetByteCount(body) is var size && size > options.CurrentValue.MaxEventBytes)
        {
            // No retry could make it smaller; dead, it stays listed and can be sent again once the limit is raised.
            var reason = $"the event is {size} bytes, more than SmartHome:Cloud:Delivery:MaxEventBytes ({options.CurrentValue.MaxEventBytes})";
            await deliveries.MarkDeadAsync(delivery, reason, ct);
            Log.DeliveryDead(logger, delivery.Id, delivery.PartnerId, delivery.Attempts, reason);
            return;
        }

        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var result = delivery.Mqtt
            ? await PublishAsync(delivery, eventId, body, ct)
            : await webhooks.SendAsync(new Uri(delivery.WebhookUrl!), delivery.SecretsAt(startedAt), eventId, body, ct);
        sent();
        var attempt = new DeliveryAttempt(
            delivery.Attempts + 1, startedAt, (long)time.GetElapsedTime(started).TotalMilliseconds, result.Outcome, result.StatusCode, result.Error);
        await outcomes.RecordAsync(delivery, attempt, result, ct);
    }

    private async Task<AttemptResult> PublishAsync(ClaimedDelivery delivery, string eventId, string body, CancellationToken ct)
    {
        // The same Standard Webhooks headers ride along as MQTT 5 user properties, so MQTT partners can verify too.
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        KeyValuePair<string, string>[] properties =
        [
            new(WebhookSender.IdHeader, eventId),
            new(WebhookSender.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture)),
            new(WebhookSender.SignatureHeader, StandardWebhookSigner.Sign(delivery.SecretsAt(time.GetUtcNow()), eventId, timestamp, body)),
        ];
        // A partner that keeps a persistent session subscribed gets events queued while it is away; with nobody
        // subscribed at all, the delivery fails and is retried on the schedule.
        var outcome = await mqtt.PublishAsync(
            Topics.PartnerEvents(delivery.PartnerId), body, NeedEventCloudEventWriter.ContentType, properties, requireSubscriber: true, ct);
        return outcome.IsAcknowledged ? AttemptResult.Succeeded(null) : AttemptResult.Failed(null, outcome.Error!);
    }

    private async Task CancelAsync(ClaimedDelivery delivery, string reason, CancellationToken ct)
    {
        await deliveries.MarkCancelledAsync(delivery, reason, ct);
        Log.Cancelled(logger, delivery.Id, delivery.PartnerId, reason);
    }
}
