using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.Notifications.Webhook;
using SmartHome.Cloud.Storage;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Apis;

/// <summary>Householder: the household's own webhook for its notifications (ntfy, Gotify, Home Assistant or signed JSON).</summary>
public static class HouseholdWebhookApi
{
    public const int MaxTokenLength = 512;

    public static IEndpointRouteBuilder MapHouseholdWebhookApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/household/notification-webhook").RequireAuthorization(CloudPolicies.Householder).WithTags("Householder");
        group.MapGet("/", GetAsync)
            .WithName("GetNotificationWebhook")
            .WithSummary("The household's notification webhook and how its sends go")
            .WithDescription("404 when the household has none. The token is never shown, only whether one is set.");
        group.MapPut("/", PutAsync)
            .WithName("PutNotificationWebhook")
            .WithSummary("Send the household's notifications to this webhook")
            .WithDescription("Replaces the webhook (a token left out is removed). Notifications stored from now on are sent to it, in order. " +
                "With format \"json\" the answer carries a new whsec_ secret, once, to verify the Standard Webhooks signature.");
        group.MapDelete("/", DeleteAsync)
            .WithName("DeleteNotificationWebhook")
            .WithSummary("Stop sending notifications to the household's webhook")
            .WithDescription("Sends not made yet are cancelled.");
        group.MapPost("/test", TestAsync)
            .WithName("TestNotificationWebhook")
            .WithSummary("Send a test notification to the household's webhook now")
            .WithDescription("200 when the endpoint accepted it; 502 naming what it answered or why it could not be reached; 504 when it did not answer in time.");
        return app;
    }

    private static async Task<Results<Ok<HouseholdWebhookView>, ProblemHttpResult>> GetAsync(
        ClaimsPrincipal user, HouseholdWebhookStore webhooks, CancellationToken ct) =>
        await webhooks.FindAsync(user.HouseholdId(), ct) is { } webhook ? TypedResults.Ok(HouseholdWebhookView.Of(webhook)) : NoWebhook();

    private static async Task<Results<Ok<HouseholdWebhookView>, ValidationProblem>> PutAsync(
        PutHouseholdWebhookRequest request, ClaimsPrincipal user, WebhookUrlPolicy urlPolicy, HouseholdWebhookStore webhooks, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var url = await CheckUrlAsync(request.Url, urlPolicy, errors, ct);
        CheckFormatAndToken(request.Format, request.Token, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var secret = request.Format == HouseholdWebhookFormats.Json ? StandardWebhookSigner.NewSecret() : null;
        var webhook = await webhooks.PutAsync(user.HouseholdId(), url!, request.Format!, request.Token, secret, ct);
        return TypedResults.Ok(HouseholdWebhookView.Of(webhook) with { Secret = secret });
    }

    private static async Task<NoContent> DeleteAsync(ClaimsPrincipal user, HouseholdWebhookStore webhooks, CancellationToken ct)
    {
        await webhooks.DeleteAsync(user.HouseholdId(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<WebhookTestResult>, ProblemHttpResult>> TestAsync(
        ClaimsPrincipal user, HouseholdWebhookStore webhooks, HouseholdWebhookSender sender, TimeProvider time, CancellationToken ct)
    {
        if (await webhooks.FindAsync(user.HouseholdId(), ct) is not { } webhook)
        {
            return NoWebhook();
        }

        var result = await sender.SendAsync(webhook, TestNotificationJson(webhook.HouseholdId, time.GetUtcNow()), ct);
        return result.IsSuccess
            ? TypedResults.Ok(new WebhookTestResult(true, result.StatusCode))
            : TypedResults.Problem(
                statusCode: result.TimedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status502BadGateway,
                title: "The webhook did not accept the test notification",
                detail: result.Error,
                extensions: new Dictionary<string, object?> { ["endpointStatusCode"] = result.StatusCode });
    }

    private static async Task<Uri?> CheckUrlAsync(string? text, WebhookUrlPolicy urlPolicy, ValidationErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("url", "give the endpoint's absolute URL, e.g. \"https://ntfy.sh/my-fridge\"");
        }
        else if (text.Length > WebhookUrlPolicy.MaxUrlLength)
        {
            errors.Add("url", $"the webhook URL is longer than {WebhookUrlPolicy.MaxUrlLength} characters");
        }
        else if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            errors.Add("url", "the webhook URL must be absolute");
        }
        else if (await urlPolicy.ValidateResolvedAsync(url, ct) is { } reason)
        {
            errors.Add("url", reason);
        }
        else
        {
            return url;
        }

        return null;
    }

    private static void CheckFormatAndToken(string? format, string? token, ValidationErrors errors)
    {
        if (format is null || !HouseholdWebhookFormats.All.Contains(format))
        {
            errors.Add("format", $"give one of {string.Join(", ", HouseholdWebhookFormats.All)}");
        }

        if (token is null)
        {
            if (format == HouseholdWebhookFormats.Gotify)
            {
                errors.Add("token", "Gotify needs the token of an application to post messages");
            }
        }
        else if (token.Length is 0 or > MaxTokenLength || !Ascii.IsValid(token) || token.Any(c => char.IsControl(c) || c == ' '))
        {
            errors.Add("token", $"the token must be 1 to {MaxTokenLength} printable ASCII characters without spaces");
        }
        else if (format == HouseholdWebhookFormats.HomeAssistant)
        {
            errors.Add("token", "a Home Assistant webhook takes no token (its id in the URL is the secret); leave it out");
        }
    }

    private static string TestNotificationJson(string householdId, DateTimeOffset now) => JsonSerializer.Serialize(
        new HouseholdNotification
        {
            Id = Guid.NewGuid(),
            HouseholdId = householdId,
            EventId = "test",
            Type = "shg.notification.test",
            Severity = NotificationSeverity.Info,
            Title = "SmartHomeGateway test",
            Body = "Your fridge's notifications will arrive here.",
            At = now,
        },
        ContractsJsonContext.Default.HouseholdNotification);

    private static ProblemHttpResult NoWebhook() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The household has no notification webhook");
}

public sealed record PutHouseholdWebhookRequest(string? Url, string? Format, string? Token);

/// <summary>The household's webhook as the householder sees it: never its token; its JSON secret only once, when made.</summary>
public sealed record HouseholdWebhookView(string Url, string Format, bool TokenSet, string Status, string? LastError, DateTimeOffset? LastDeliveredAt)
{
    public string? Secret { get; init; }

    internal static HouseholdWebhookView Of(HouseholdWebhook webhook) =>
        new(webhook.Url.OriginalString, webhook.Format, webhook.Token is not null, webhook.Status, webhook.LastError, webhook.LastDeliveredAt);
}

public sealed record WebhookTestResult(bool Delivered, int? StatusCode);
