using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Apis;

/// <summary>Partner: subscribes to need-event types, by webhook or over MQTT; sees, deletes and re-enables only its own subscriptions.</summary>
public static class SubscriptionsApi
{
    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/subscriptions").RequireAuthorization(CloudPolicies.Partner).WithTags("Partner");
        group.MapPost("/", CreateAsync)
            .WithName("CreateSubscription")
            .WithSummary("Subscribe to need events")
            .WithDescription("A webhook endpoint must pass the CloudEvents abuse-protection handshake first (else 422). The secret signs every delivery. " +
                "An optional attribute filter narrows the events, e.g. {\"filter\":{\"category\":[\"dairy\",\"meat\"]}}; filterable: category and location (food events; category also stock.low), compartment (temperature excursions).");
        group.MapGet("/", ListAsync)
            .WithName("ListSubscriptions")
            .WithSummary("List the partner's subscriptions");
        group.MapDelete("/{id}", DeleteAsync)
            .WithName("DeleteSubscription")
            .WithSummary("Delete one of the partner's subscriptions")
            .WithDescription("Its deliveries not made yet (pending, retrying or held) are cancelled at once.");
        group.MapPost("/{id}/secret", RotateSecretAsync)
            .WithName("RotateSubscriptionSecret")
            .WithSummary("Rotate a subscription's signing secret")
            .WithDescription("Returns a new whsec_ secret. Until previousSecretExpiresAt (SmartHome:Cloud:Delivery:SecretRotationOverlap after now) every delivery carries two signatures, by the new and the old secret; then only the new one.");
        group.MapPost("/{id}/enable", EnableAsync)
            .WithName("EnableSubscription")
            .WithSummary("Re-activate a subscription the cloud disabled")
            .WithDescription("A webhook endpoint must pass the validation handshake again (else 422). Then the subscription is active and its held deliveries are due again, oldest first (200 with the subscription). 404 for another partner's or an unknown subscription; 409 when it is not disabled.");
        return app;
    }

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> EnableAsync(
        string id,
        ClaimsPrincipal user,
        SubscriptionStore subscriptions,
        DeliveryStore deliveries,
        WebhookHandshake handshake,
        OutboxSignals signals,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var subscription = await subscriptions.FindAsync(user.PartnerId(), id, ct);
        if (subscription is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such subscription");
        }

        if (subscription.Status != SubscriptionStatus.Disabled)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Only a disabled subscription can be enabled", detail: $"subscription {id} is {subscription.Status}");
        }

        if (subscription.WebhookUrl is { } url && await handshake.ValidateAsync(new Uri(url), ct) is { } refusal)
        {
            Log.HandshakeFailed(loggers.CreateLogger(typeof(SubscriptionsApi)), user.PartnerId(), refusal);
            return TypedResults.Problem(
                detail: refusal, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The webhook endpoint did not pass validation");
        }

        if (!await deliveries.EnableSubscriptionAsync(user.PartnerId(), id, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Only a disabled subscription can be enabled");
        }

        signals.Deliveries.Notify();
        return TypedResults.Ok(SubscriptionView.From(subscription with { Status = SubscriptionStatus.Active, DisabledReason = null }));
    }

    private static async Task<Results<Created<CreatedSubscription>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateSubscriptionRequest request,
        ClaimsPrincipal user,
        SubscriptionStore subscriptions,
        WebhookUrlPolicy urlPolicy,
        WebhookHandshake handshake,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.CheckTypes(request.Types);
        errors.CheckFilter(request.Filter, request.Types);
        Uri? url = null;
        if ((request.Webhook is null) == (request.Mqtt is null))
        {
            errors.Add("webhook", "give exactly one of 'webhook' ({\"url\": \"https://...\"}) or 'mqtt' ({})");
        }
        else if (request.Webhook is { } webhook)
        {
            if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out url))
            {
                errors.Add("webhook.url", "give the endpoint's absolute URL");
            }
            else if (await urlPolicy.ValidateResolvedAsync(url, ct) is { } reason)
            {
                errors.Add("webhook.url", reason);
            }
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (url is not null && await handshake.ValidateAsync(url, ct) is { } refusal)
        {
            Log.HandshakeFailed(loggers.CreateLogger(typeof(SubscriptionsApi)), user.PartnerId(), refusal);
            return TypedResults.Problem(
                detail: refusal, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The webhook endpoint did not pass validation");
        }

        var subscription = new SubscriptionRecord(
            "sub_" + Guid.CreateVersion7().ToString("N"), user.PartnerId(), [.. request.Types!], url?.AbsoluteUri, url is null,
            SubscriptionStatus.Active, time.GetUtcNow(), SubscriptionFilterRules.Normalise(request.Filter));
        var secret = StandardWebhookSigner.NewSecret();
        await subscriptions.AddAsync(subscription, secret, ct);
        return TypedResults.Created($"/api/v1/subscriptions/{subscription.Id}", new CreatedSubscription(subscription.Id, secret, subscription.Status));
    }

    private static async Task<Ok<IReadOnlyList<SubscriptionView>>> ListAsync(ClaimsPrincipal user, SubscriptionStore subscriptions, CancellationToken ct)
    {
        var own = await subscriptions.ListAsync(user.PartnerId(), ct);
        return TypedResults.Ok<IReadOnlyList<SubscriptionView>>([.. own.Select(SubscriptionView.From)]);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, ClaimsPrincipal user, SubscriptionStore subscriptions, CancellationToken ct) =>
        await subscriptions.DeleteAsync(user.PartnerId(), id, ct)
            ? TypedResults.NoContent()
            : NoSuchSubscription();

    private static async Task<Results<Ok<RotatedSecret>, ProblemHttpResult>> RotateSecretAsync(
        string id,
        ClaimsPrincipal user,
        SubscriptionStore subscriptions,
        IOptionsMonitor<DeliveryOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var secret = StandardWebhookSigner.NewSecret();
        var previousExpiresAt = time.GetUtcNow() + options.CurrentValue.SecretRotationOverlap;
        if (!await subscriptions.RotateSecretAsync(user.PartnerId(), id, secret, previousExpiresAt, ct))
        {
            return NoSuchSubscription();
        }

        Log.SecretRotated(loggers.CreateLogger(typeof(SubscriptionsApi)), user.PartnerId(), id, previousExpiresAt);
        return TypedResults.Ok(new RotatedSecret(id, secret, previousExpiresAt));
    }

    private static ProblemHttpResult NoSuchSubscription() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such subscription");
}

public sealed record RotatedSecret(string Id, string Secret, DateTimeOffset PreviousSecretExpiresAt);

/// <summary>A new subscription; <c>Filter</c> (optional) maps a filterable attribute to the values it accepts.</summary>
public sealed record CreateSubscriptionRequest(
    IReadOnlyList<string>? Types, WebhookTarget? Webhook, MqttTarget? Mqtt, IReadOnlyDictionary<string, IReadOnlyList<string>?>? Filter = null);

public sealed record WebhookTarget(string? Url);

/// <summary>Delivery over MQTT to <c>shg/v1/partners/{partnerId}/events</c>; it has no settings.</summary>
public sealed record MqttTarget;

public sealed record CreatedSubscription(string Id, string Secret, string Status);

public sealed record SubscriptionView(
    string Id, IReadOnlyList<string> Types, WebhookTarget? Webhook, MqttTarget? Mqtt, string Status, DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string[]>? Filter = null)
{
    /// <summary>Why the cloud disabled it, while its status is <c>disabled</c>.</summary>
    public string? DisabledReason { get; init; }

    internal static SubscriptionView From(SubscriptionRecord record) => new(
        record.Id, record.Types, record.WebhookUrl is null ? null : new WebhookTarget(record.WebhookUrl), record.Mqtt ? new MqttTarget() : null,
        record.Status, record.CreatedAt, record.Filter)
    {
        DisabledReason = record.DisabledReason,
    };
}
