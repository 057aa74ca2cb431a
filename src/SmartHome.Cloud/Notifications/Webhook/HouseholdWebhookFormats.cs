using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.Storage;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Notifications.Webhook;

/// <summary>
/// The request a household's webhook gets for one notification, in the format of the service behind it: ntfy (the
/// body as text, title and priority in headers), Gotify (its message API), a Home Assistant webhook trigger, or the
/// notification's own JSON signed per Standard Webhooks.
/// </summary>
internal static class HouseholdWebhookFormats
{
    public const string Ntfy = "ntfy";
    public const string Gotify = "gotify";
    public const string HomeAssistant = "homeassistant";
    public const string Json = "json";

    public static IReadOnlyList<string> All { get; } = [Ntfy, Gotify, HomeAssistant, Json];

    /// <param name="webhook">Where and how to send.</param>
    /// <param name="notificationJson">The notification as stored (the contract's JSON), sent as is in the <c>json</c> format.</param>
    /// <param name="timestampSeconds">Now, in Unix seconds, for the <c>json</c> format's signature.</param>
    public static HttpRequestMessage CreateRequest(HouseholdWebhook webhook, string notificationJson, long timestampSeconds)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var notification = JsonSerializer.Deserialize(notificationJson, ContractsJsonContext.Default.HouseholdNotification)!;
        var request = webhook.Format switch
        {
            Ntfy => NtfyRequest(webhook, notification),
            Gotify => JsonRequest(
                GotifyMessageUrl(webhook.Url),
                JsonSerializer.Serialize(
                    new GotifyMessage(notification.Title, notification.Body, GotifyPriority(notification.Severity)),
                    HouseholdWebhookJsonContext.Default.GotifyMessage)),
            HomeAssistant => JsonRequest(
                webhook.Url,
                JsonSerializer.Serialize(
                    new HomeAssistantMessage(
                        notification.Title, notification.Body, notification.Severity.Name(), notification.Type, notification.Subject,
                        notification.Id, notification.At),
                    HouseholdWebhookJsonContext.Default.HomeAssistantMessage)),
            Json => SignedJsonRequest(webhook, notification.Id.ToString(), notificationJson, timestampSeconds),
            _ => throw new ArgumentException($"unknown webhook format '{webhook.Format}'", nameof(webhook)),
        };
        if (webhook.Token is { } token)
        {
            if (webhook.Format == Gotify)
            {
                // A header, never the query string, so the token stays out of proxies' and servers' access logs.
                request.Headers.Add("X-Gotify-Key", token);
            }
            else
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        }

        return request;
    }

    private static HttpRequestMessage NtfyRequest(HouseholdWebhook webhook, HouseholdNotification notification)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(notification.Body, Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Title", HeaderText(notification.Title));
        var (priority, tag) = notification.Severity switch
        {
            NotificationSeverity.Urgent => ("urgent", "rotating_light"),
            NotificationSeverity.Warning => ("high", "warning"),
            _ => ("default", "information_source"),
        };
        request.Headers.Add("Priority", priority);
        request.Headers.Add("Tags", tag);
        return request;
    }

    private static int GotifyPriority(NotificationSeverity severity) => severity switch
    {
        NotificationSeverity.Urgent => 8,
        NotificationSeverity.Warning => 5,
        _ => 2,
    };

    /// <summary>Gotify's message API under the server's URL as the householder gave it (<c>https://gotify.example/</c> → <c>…/message</c>).</summary>
    internal static Uri GotifyMessageUrl(Uri server) => new UriBuilder(server) { Path = server.AbsolutePath.TrimEnd('/') + "/message" }.Uri;

    private static HttpRequestMessage SignedJsonRequest(HouseholdWebhook webhook, string id, string body, long timestampSeconds)
    {
        var request = JsonRequest(webhook.Url, body);
        request.Headers.Add(WebhookSender.IdHeader, id);
        request.Headers.Add(WebhookSender.TimestampHeader, timestampSeconds.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSender.SignatureHeader, StandardWebhookSigner.Sign(webhook.Secret!, id, timestampSeconds, body));
        return request;
    }

    private static HttpRequestMessage JsonRequest(Uri url, string body) => new(HttpMethod.Post, url)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
    };

    /// <summary>A header value as ntfy reads it: ASCII as is, anything else (°C, umlauts) as an RFC 2047 encoded word.</summary>
    private static string HeaderText(string text) =>
        Ascii.IsValid(text) && !text.Any(char.IsControl) ? text : $"=?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}?=";
}

internal sealed record GotifyMessage(string Title, string Message, int Priority);

internal sealed record HomeAssistantMessage(string Title, string Message, string Severity, string Type, string? Subject, Guid Id, DateTimeOffset At);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(GotifyMessage))]
[JsonSerializable(typeof(HomeAssistantMessage))]
internal sealed partial class HouseholdWebhookJsonContext : JsonSerializerContext;
