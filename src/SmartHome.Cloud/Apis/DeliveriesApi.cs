using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Apis;

/// <summary>Partner: its own deliveries, newest first, each one's attempts, and redriving the dead ones.</summary>
public static class DeliveriesApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/deliveries").RequireAuthorization(CloudPolicies.Partner).WithTags("Partner");
        group.MapGet("/", ListAsync)
            .WithName("ListDeliveries")
            .WithSummary("List the partner's deliveries")
            .WithDescription("status: pending (not tried yet), failed (retry scheduled), delivered, dead (retries ran out), cancelled (no consent, the subscription was deleted, or stale: no longer true or past its news lifetime), superseded (a newer event about the same subject replaced it) or held (the subscription is disabled).");
        group.MapGet("/{id}/attempts", ListAttemptsAsync)
            .WithName("ListDeliveryAttempts")
            .WithSummary("Every attempt of one of the partner's deliveries, first first")
            .WithDescription("Each with when it started, its latency, its outcome (delivered, failed, throttled, gone), the status code and the error.");
        group.MapPost("/{id}/redrive", RedriveAsync)
            .WithName("RedriveDelivery")
            .WithSummary("Send one of the partner's dead deliveries again")
            .WithDescription("The delivery is due again at once with a fresh retry budget (202). 404 for another partner's or an unknown delivery; 409 when it is not dead.");
        group.MapPost("/redrive", RedriveSinceAsync)
            .WithName("RedriveDeliveriesSince")
            .WithSummary("Send again every dead delivery of the partner that died since a time")
            .WithDescription("{\"since\": \"2026-11-23T00:00:00Z\"} → 202 {\"redriven\": n}; they are due again at once, oldest first, each with a fresh retry budget.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<DeliveryAttempt>>, ProblemHttpResult>> ListAttemptsAsync(
        string id, ClaimsPrincipal user, DeliveryStore deliveries, CancellationToken ct) =>
        await deliveries.ListAttemptsAsync(user.PartnerId(), id, ct) is { } attempts
            ? TypedResults.Ok(attempts)
            : NoSuchDelivery();

    private static async Task<Results<Accepted, ProblemHttpResult>> RedriveAsync(
        string id, ClaimsPrincipal user, DeliveryStore deliveries, OutboxSignals signals, CancellationToken ct)
    {
        switch (await deliveries.RedriveAsync(user.PartnerId(), id, ct))
        {
            case true:
                signals.Deliveries.Notify();
                return TypedResults.Accepted($"/api/v1/deliveries/{id}/attempts");
            case false:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict, title: "Only a dead delivery can be redriven", detail: $"delivery {id} is not dead");
            default:
                return NoSuchDelivery();
        }
    }

    private static async Task<Results<Accepted<RedriveResult>, ValidationProblem>> RedriveSinceAsync(
        RedriveRequest request, ClaimsPrincipal user, DeliveryStore deliveries, OutboxSignals signals, CancellationToken ct)
    {
        if (request.Since is not { } since)
        {
            var errors = new ValidationErrors();
            errors.Add("since", "give the time (ISO 8601, e.g. \"2026-11-23T00:00:00Z\") from which dead deliveries are redriven");
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var redriven = await deliveries.RedriveSinceAsync(user.PartnerId(), since, ct);
        signals.Deliveries.Notify();
        return TypedResults.Accepted("/api/v1/deliveries?status=pending", new RedriveResult(redriven));
    }

    private static ProblemHttpResult NoSuchDelivery() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such delivery");

    private static async Task<Results<Ok<IReadOnlyList<DeliveryRecord>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, DeliveryStore deliveries, CancellationToken ct, string? status = null, int limit = DefaultLimit)
    {
        var errors = new ValidationErrors();
        if (status is not null && !DeliveryStatus.All.Contains(status))
        {
            errors.Add("status", $"status must be one of {string.Join(", ", DeliveryStatus.All)}");
        }

        errors.CheckLimit(limit, MaxLimit);

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return TypedResults.Ok(await deliveries.ListAsync(user.PartnerId(), status, limit, ct));
    }
}

/// <summary>Redrive the dead deliveries that died at or after <see cref="Since"/>.</summary>
public sealed record RedriveRequest(DateTimeOffset? Since);

public sealed record RedriveResult(int Redriven);
