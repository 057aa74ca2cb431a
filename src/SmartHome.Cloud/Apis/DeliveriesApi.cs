using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Apis;

/// <summary>Partner: its own delivery attempts, newest first.</summary>
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
            .WithDescription("status: pending (not tried yet), failed (retry scheduled), delivered, dead (retries ran out) or cancelled (no consent, or the subscription was deleted).");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<DeliveryRecord>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, DeliveryStore deliveries, CancellationToken ct, string? status = null, int limit = DefaultLimit)
    {
        var errors = new ValidationErrors();
        if (status is not null && !DeliveryStatus.All.Contains(status))
        {
            errors.Add("status", $"status must be one of {string.Join(", ", DeliveryStatus.All)}");
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"limit must be between 1 and {MaxLimit}");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return TypedResults.Ok(await deliveries.ListAsync(user.PartnerId(), status, limit, ct));
    }
}
