using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Apis;

/// <summary>Partner: what the cloud told it about its subscriptions (e.g. one was disabled), newest first.</summary>
public static class PartnerNoticesApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapPartnerNoticesApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/partner/notices").RequireAuthorization(CloudPolicies.Partner).WithTags("Partner");
        group.MapGet("/", ListAsync)
            .WithName("ListPartnerNotices")
            .WithSummary("The partner's notices, newest first")
            .WithDescription($"kind subscription-disabled: the cloud disabled a subscription, the message says why. limit: 1-{MaxLimit}, default {DefaultLimit}.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<PartnerNotice>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, PartnerNoticeStore notices, CancellationToken ct, int limit = DefaultLimit)
    {
        var errors = new ValidationErrors();
        errors.CheckLimit(limit, MaxLimit);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return TypedResults.Ok(await notices.ListAsync(user.PartnerId(), limit, ct));
    }
}
