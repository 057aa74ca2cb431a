using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartHome.Cloud.Broker;
using SmartHome.Cloud.Storage;
using SmartHome.Contracts.Validation;

namespace SmartHome.Cloud.Health;

/// <summary>
/// <c>GET /healthz</c>, for anyone: 200 when the core is connected to its broker and its store answers, else 503,
/// both with the same report. Hosts and tests poll it to know the core is ready.
/// </summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", GetAsync)
            .AllowAnonymous()
            .WithName("GetHealth")
            .WithSummary("Health and counters")
            .WithTags("Operations");
        return app;
    }

    private static async Task<JsonHttpResult<HealthReport>> GetAsync(
        BrokerConnectivity connectivity, BrokerEndpoint endpoint, CloudCounters counters, DeliveryStore deliveries, NotificationStore notifications, CancellationToken ct)
    {
        IReadOnlyDictionary<string, long>? byStatus = null;
        UnpublishedCounts? unpublished = null;
        string? storeError = null;
        try
        {
            byStatus = await deliveries.CountByStatusAsync(ct);
            unpublished = await notifications.CountUnpublishedAsync(ct);
        }
        catch (DbException ex)
        {
            storeError = ex.Message;
        }

        var healthy = connectivity.State == BrokerConnectionState.Connected && storeError is null;
        var report = new HealthReport(
            healthy ? "healthy" : "unhealthy",
            new BrokerHealth(connectivity.State, connectivity.Since, connectivity.LastError, endpoint.Embedded, endpoint.Host, endpoint.Port, connectivity.SharedSubscription),
            new StoreHealth(storeError is null, storeError),
            new IngestHealth(counters.EnvelopesAccepted, counters.StatusesAccepted, counters.RejectedWith(RejectionCodes.Duplicate), counters.GapsOverdue, counters.Rejected),
            new EventHealth(counters.EventsRaised),
            new DeliveryHealth(counters.DeliveriesQueued, byStatus)
            {
                SubscriptionsDisabled = counters.SubscriptionsDisabled,
                DeferredForEndpointLimits = counters.DeliveriesDeferred,
            },
            new NotificationHealth(counters.NotificationsQueued, unpublished?.Released)
            {
                HeldForQuietHours = unpublished?.Held,
                RepeatsSuppressed = counters.NotificationRepeatsSuppressed,
                Webhooks = new(counters.HouseholdWebhooksSent, counters.HouseholdWebhooksFailed, counters.HouseholdWebhooksStale),
            });
        return TypedResults.Json(report, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record HealthReport(
    string Status, BrokerHealth Broker, StoreHealth Store, IngestHealth Ingest, EventHealth Events, DeliveryHealth Deliveries, NotificationHealth Notifications);

public sealed record BrokerHealth(
    BrokerConnectionState State, DateTimeOffset Since, string? LastError, bool Embedded, string Host, int Port, bool SharedSubscription);

public sealed record StoreHealth(bool Reachable, string? Error);

/// <summary>
/// Since this process started; <see cref="Rejected"/> by reason code, duplicates included; <see cref="GapsOverdue"/>: gaps
/// in a gateway's envelope seqs open longer than <c>GapReportAfter</c> (the gaps themselves are in the twin).
/// </summary>
public sealed record IngestHealth(long EnvelopesAccepted, long StatusesAccepted, long Duplicates, long GapsOverdue, IReadOnlyDictionary<string, long> Rejected);

public sealed record EventHealth(long Raised);

/// <summary>
/// <see cref="Queued"/>, <see cref="SubscriptionsDisabled"/> and <see cref="DeferredForEndpointLimits"/> (claims that could
/// not start at once because their endpoint had no free slot or rate token) since this process started; <see cref="ByStatus"/> over the whole store.
/// </summary>
public sealed record DeliveryHealth(long Queued, IReadOnlyDictionary<string, long>? ByStatus)
{
    public long SubscriptionsDisabled { get; init; }

    public long DeferredForEndpointLimits { get; init; }
}

/// <summary>
/// <see cref="Queued"/> and <see cref="RepeatsSuppressed"/> (the same news within a household's repeat window) since this
/// process started; <see cref="PendingPublish"/> (released, not yet on MQTT) and <see cref="HeldForQuietHours"/> over the whole store.
/// </summary>
public sealed record NotificationHealth(long Queued, long? PendingPublish)
{
    public long? HeldForQuietHours { get; init; }

    public long RepeatsSuppressed { get; init; }

    public HouseholdWebhookHealth? Webhooks { get; init; }
}

/// <summary>Since this process started: notifications sent to households' own webhooks, failed after every attempt, and too old to send.</summary>
public sealed record HouseholdWebhookHealth(long Sent, long Failed, long Stale);
