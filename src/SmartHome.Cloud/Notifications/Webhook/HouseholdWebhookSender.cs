using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Notifications.Webhook;

/// <summary>
/// Sends one notification to a household's webhook through the guarded webhook client (the partner webhooks' address
/// check at every connection, no redirects, their time limits). Any 2xx accepts it.
/// </summary>
internal sealed class HouseholdWebhookSender(WebhookSender webhooks, TimeProvider time)
{
    /// <summary>The client's name. It logs nothing: an ntfy topic or a Home Assistant webhook id in the URL is as good as a password.</summary>
    public const string ClientName = "household-webhooks";

    public async Task<AttemptResult> SendAsync(HouseholdWebhook webhook, string notificationJson, CancellationToken ct)
    {
        using var request = HouseholdWebhookFormats.CreateRequest(webhook, notificationJson, time.GetUtcNow().ToUnixTimeSeconds());
        return await webhooks.SendAsync(request, ClientName, Classify, ct);
    }

    private static AttemptResult Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        return status is >= 200 and < 300
            ? AttemptResult.Succeeded(status)
            : AttemptResult.Failed(status, $"the endpoint answered {status} {response.ReasonPhrase}".TrimEnd());
    }
}
