using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Storage;
using SmartHome.Contracts.Notifications;

namespace SmartHome.Cloud.Apis;

/// <summary>Householder: the household's notifications, newest first.</summary>
public static class NotificationsApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/household/notifications").RequireAuthorization(CloudPolicies.Householder).WithTags("Householder");
        group.MapGet("/", ListAsync)
            .WithName("ListNotifications")
            .WithSummary("The household's notifications, newest first")
            .WithDescription($"limit: 1-{MaxLimit}, default {DefaultLimit}.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<HouseholdNotification>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, NotificationStore notifications, CancellationToken ct, int limit = DefaultLimit)
    {
        var errors = new ValidationErrors();
        errors.CheckLimit(limit, MaxLimit);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return TypedResults.Ok(await notifications.ListAsync(user.HouseholdId(), limit, ct));
    }
}
