using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Notifications;
using SmartHome.Cloud.Storage;
using SmartHome.Contracts.Notifications;

namespace SmartHome.Cloud.Apis;

/// <summary>Householder: the household's notifications, newest first, and live.</summary>
public static class NotificationsApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
    public const string LastEventIdHeader = "Last-Event-ID";

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/household/notifications").RequireAuthorization(CloudPolicies.Householder).WithTags("Householder");
        group.MapGet("/", ListAsync)
            .WithName("ListNotifications")
            .WithSummary("The household's notifications, newest first")
            .WithDescription($"limit: 1-{MaxLimit}, default {DefaultLimit}.");
        group.MapGet("/stream", Stream)
            .WithName("StreamNotifications")
            .WithSummary("The household's notifications live, as server-sent events")
            .WithDescription("Each notification as it is stored: 'id: <cursor>', 'event: notification', 'data: <the notification's JSON>'. " +
                "With a Last-Event-ID header, every later notification first; without, only new ones. A ': keep-alive' comment when idle. " +
                "429 when the household has too many streams open.")
            .Produces(StatusCodes.Status200OK, contentType: NotificationFeed.ContentType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static Results<NotificationStreamResult, ValidationProblem, ProblemHttpResult> Stream(
        ClaimsPrincipal user, NotificationFeed feed, NotificationStreamSlots slots, [FromHeader(Name = LastEventIdHeader)] string? lastEventId)
    {
        long? after = null;
        if (lastEventId is not null)
        {
            if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
            {
                var errors = new ValidationErrors();
                errors.Add(LastEventIdHeader, "give the id of the last event received, as the stream sent it");
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            after = cursor;
        }

        var householdId = user.HouseholdId();
        return slots.TryTake(householdId) is { } slot
            ? new NotificationStreamResult(feed, householdId, after, slot)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many notification streams",
                detail: "This household has as many notification streams open as it may; close one first.");
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

/// <summary>The open stream: holds the household's stream slot until the stream ends.</summary>
internal sealed class NotificationStreamResult(NotificationFeed feed, string householdId, long? lastEventId, IDisposable slot) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using (slot)
        {
            await feed.StreamAsync(httpContext, householdId, lastEventId);
        }
    }
}
