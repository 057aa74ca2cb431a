using System.Globalization;
using System.Text;
using System.Text.Json;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.Notifications.Webhook;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Security;
using SmartHome.Contracts.Notifications;
using static SmartHome.Cloud.UnitTests.Notifications.HouseholdWebhookSteps;

namespace SmartHome.Cloud.UnitTests.Notifications;

/// <summary>The exact request each format makes, as a local endpoint receives it from the running cloud.</summary>
public class HouseholdWebhookFormatTests
{
    [Fact]
    public async Task Ntfy_Notification_PostsTheBodyAsTextWithTitlePriorityTagsAndBearerToken()
    {
        await using var rig = await HouseholdWebhookRig.StartAsync(url => new { url = new Uri(url, "/my-fridge"), format = "ntfy", token = "tk_ntfytoken123" });
        var notification = Notification(rig.Time.GetUtcNow(), title: "Fridge above 8 °C");

        var (_, received) = await rig.SendOneAsync(notification);

        Assert.Equal("POST", received.Method);
        Assert.Equal("/my-fridge", received.PathAndQuery);
        Assert.Equal("text/plain; charset=utf-8", received.ContentType);
        Assert.Equal(notification.Body, received.Body);
        Assert.Equal("=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Fridge above 8 °C")) + "?=", received.Headers["Title"]);
        Assert.Equal("urgent", received.Headers["Priority"]);
        Assert.Equal("rotating_light", received.Headers["Tags"]);
        Assert.Equal("Bearer tk_ntfytoken123", received.Headers["Authorization"]);
    }

    [Fact]
    public async Task Gotify_Notification_PostsItsMessageApiWithTheKeyInAHeader()
    {
        await using var rig = await HouseholdWebhookRig.StartAsync(url => new { url = new Uri(url, "/gotify/"), format = "gotify", token = "AbCdEf.gotify" });
        var notification = Notification(rig.Time.GetUtcNow(), NotificationSeverity.Warning);

        var (_, received) = await rig.SendOneAsync(notification);

        Assert.Equal("POST", received.Method);
        Assert.Equal("/gotify/message", received.PathAndQuery);
        Assert.Equal("application/json; charset=utf-8", received.ContentType);
        Assert.Equal("AbCdEf.gotify", received.Headers["X-Gotify-Key"]);
        Assert.False(received.Headers.ContainsKey("Authorization"));
        Assert.Equal(
            JsonSerializer.Serialize(new { title = notification.Title, message = notification.Body, priority = 5 }),
            received.Body);
    }

    [Fact]
    public async Task HomeAssistant_Notification_PostsItsFieldsAsJsonToTheWebhookTrigger()
    {
        await using var rig = await HouseholdWebhookRig.StartAsync(url => new { url = new Uri(url, "/api/webhook/shg-fridge-4f2a"), format = "homeassistant" });
        var notification = Notification(rig.Time.GetUtcNow(), NotificationSeverity.Info);

        var (_, received) = await rig.SendOneAsync(notification);

        Assert.Equal("POST", received.Method);
        Assert.Equal("/api/webhook/shg-fridge-4f2a", received.PathAndQuery);
        Assert.Equal("application/json; charset=utf-8", received.ContentType);
        Assert.False(received.Headers.ContainsKey("Authorization"));
        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal(
            ["title", "message", "severity", "type", "subject", "id", "at"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(notification.Title, body.GetProperty("title").GetString());
        Assert.Equal(notification.Body, body.GetProperty("message").GetString());
        Assert.Equal("info", body.GetProperty("severity").GetString());
        Assert.Equal(notification.Type, body.GetProperty("type").GetString());
        Assert.Equal(notification.Subject, body.GetProperty("subject").GetString());
        Assert.Equal(notification.Id, body.GetProperty("id").GetGuid());
        Assert.Equal(notification.At, body.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Json_Notification_PostsItAsStoredSignedWithTheSecretPutAnsweredOnce()
    {
        await using var rig = await HouseholdWebhookRig.StartJsonAsync();
        var put = rig.Webhook;
        var secret = put.GetProperty("secret").GetString()!;
        var notification = Notification(rig.Time.GetUtcNow());

        var (stored, received) = await rig.SendOneAsync(notification);

        Assert.StartsWith(StandardWebhookSigner.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.Equal("POST", received.Method);
        Assert.Equal(rig.Receiver.Url.AbsolutePath, received.PathAndQuery);
        Assert.Equal("application/json; charset=utf-8", received.ContentType);
        Assert.Equal(stored, received.Body);
        Assert.Equal(notification.Id.ToString(), received.Id);
        Assert.Equal(rig.Time.GetUtcNow().ToUnixTimeSeconds(), long.Parse(received.Timestamp, CultureInfo.InvariantCulture));
        Assert.True(StandardWebhookSigner.Verify(secret, received.Id, long.Parse(received.Timestamp, CultureInfo.InvariantCulture), received.Body, received.Signature));
        Assert.Equal((true, "verified"), await ReferenceVerifier.VerifyAsync(secret, received));
        var shown = await rig.Householder.GetStringAsync(WebhookPath);
        Assert.DoesNotContain(secret[StandardWebhookSigner.SecretPrefix.Length..], shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NotificationSeverity.Urgent, "urgent", "rotating_light", 8)]
    [InlineData(NotificationSeverity.Warning, "high", "warning", 5)]
    [InlineData(NotificationSeverity.Info, "default", "information_source", 2)]
    public async Task CreateRequest_Severity_SetsNtfyPriorityAndTagAndGotifyPriority(NotificationSeverity severity, string ntfyPriority, string tag, int gotifyPriority)
    {
        var json = JsonSerializer.Serialize(Notification(DateTimeOffset.UtcNow, severity), SmartHome.Contracts.Serialization.ContractsJsonContext.Default.HouseholdNotification);

        using var ntfy = HouseholdWebhookFormats.CreateRequest(Webhook("ntfy"), json, 0);
        using var gotify = HouseholdWebhookFormats.CreateRequest(Webhook("gotify", "key"), json, 0);

        Assert.Equal(ntfyPriority, ntfy.Headers.GetValues("Priority").Single());
        Assert.Equal(tag, ntfy.Headers.GetValues("Tags").Single());
        Assert.Equal("Milk is unsafe", ntfy.Headers.GetValues("Title").Single());
        Assert.Equal(gotifyPriority, JsonDocument.Parse(await gotify.Content!.ReadAsStringAsync()).RootElement.GetProperty("priority").GetInt32());
    }

    [Theory]
    [InlineData("https://gotify.example", "https://gotify.example/message")]
    [InlineData("https://gotify.example/", "https://gotify.example/message")]
    [InlineData("https://home.example/gotify", "https://home.example/gotify/message")]
    public void GotifyMessageUrl_ServerUrl_IsItsMessageApi(string server, string expected) =>
        Assert.Equal(new Uri(expected), HouseholdWebhookFormats.GotifyMessageUrl(new Uri(server)));

    private static HouseholdWebhook Webhook(string format, string? token = null) =>
        new(HouseholdId, new Uri("https://push.example/topic"), format, token, null, HouseholdWebhookStatus.Active, null, null);
}
