using System.Collections.Concurrent;

namespace SmartHome.Cloud.Health;

/// <summary>What this process has seen since it started, for <c>/healthz</c>. (Totals across replicas come from the store.)</summary>
public sealed class CloudCounters
{
    private readonly ConcurrentDictionary<string, long> rejected = new(StringComparer.Ordinal);
    private long envelopesAccepted;
    private long statusesAccepted;
    private long eventsRaised;
    private long notificationsQueued;
    private long deliveriesQueued;
    private long gapsOverdue;
    private long subscriptionsDisabled;
    private long deliveriesDeferred;
    private long notificationRepeatsSuppressed;
    private long householdWebhookSent;
    private long householdWebhookFailed;
    private long householdWebhookStale;

    public long EnvelopesAccepted => Interlocked.Read(ref envelopesAccepted);

    public long StatusesAccepted => Interlocked.Read(ref statusesAccepted);

    public long EventsRaised => Interlocked.Read(ref eventsRaised);

    public long NotificationsQueued => Interlocked.Read(ref notificationsQueued);

    public long DeliveriesQueued => Interlocked.Read(ref deliveriesQueued);

    /// <summary>Gaps in gateways' envelope seqs that stayed open longer than <c>GapReportAfter</c>.</summary>
    public long GapsOverdue => Interlocked.Read(ref gapsOverdue);

    /// <summary>Subscriptions this process disabled (410 Gone, or an endpoint that accepted nothing for <c>Delivery:DisableAfter</c>).</summary>
    public long SubscriptionsDisabled => Interlocked.Read(ref subscriptionsDisabled);

    /// <summary>Claimed deliveries handed back unattempted because their endpoint had no free slot or rate token.</summary>
    public long DeliveriesDeferred => Interlocked.Read(ref deliveriesDeferred);

    /// <summary>Notifications not made because the same news about the same thing was told within the household's repeat window.</summary>
    public long NotificationRepeatsSuppressed => Interlocked.Read(ref notificationRepeatsSuppressed);

    /// <summary>Notifications sent to households' own webhooks.</summary>
    public long HouseholdWebhooksSent => Interlocked.Read(ref householdWebhookSent);

    /// <summary>Notifications whose every attempt to reach a household's webhook failed.</summary>
    public long HouseholdWebhooksFailed => Interlocked.Read(ref householdWebhookFailed);

    /// <summary>Notifications not sent to a household's webhook because they were older than its maximum age.</summary>
    public long HouseholdWebhooksStale => Interlocked.Read(ref householdWebhookStale);

    /// <summary>Rejected messages by reason code (<see cref="SmartHome.Contracts.Validation.RejectionCodes"/>, duplicates included).</summary>
    public IReadOnlyDictionary<string, long> Rejected => new SortedDictionary<string, long>(rejected, StringComparer.Ordinal);

    public long RejectedWith(string code) => rejected.GetValueOrDefault(code);

    internal void EnvelopeAccepted() => Interlocked.Increment(ref envelopesAccepted);

    internal void StatusAccepted() => Interlocked.Increment(ref statusesAccepted);

    internal void SubscriptionDisabled() => Interlocked.Increment(ref subscriptionsDisabled);

    internal void DeliveryDeferred() => Interlocked.Increment(ref deliveriesDeferred);

    internal void HouseholdWebhookSent() => Interlocked.Increment(ref householdWebhookSent);

    internal void HouseholdWebhookFailed() => Interlocked.Increment(ref householdWebhookFailed);

    internal void HouseholdWebhookStale() => Interlocked.Increment(ref householdWebhookStale);

    internal void AddGapsOverdue(long gaps) => Interlocked.Add(ref gapsOverdue, gaps);

    internal void NotificationRepeatSuppressed(int repeats) => Interlocked.Add(ref notificationRepeatsSuppressed, repeats);

    internal void Reject(string code) => rejected.AddOrUpdate(code, 1, (_, count) => count + 1);

    internal void Raised(int events, int notifications, int deliveries)
    {
        Interlocked.Add(ref eventsRaised, events);
        Interlocked.Add(ref notificationsQueued, notifications);
        Interlocked.Add(ref deliveriesQueued, deliveries);
    }
}
