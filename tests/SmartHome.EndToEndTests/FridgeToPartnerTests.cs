using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Cloud.Delivery;
using SmartHome.Contracts;
using SmartHome.Testing;

namespace SmartHome.EndToEndTests;

/// <summary>From an appliance-link message to a verified partner webhook and a householder notification, on embedded defaults.</summary>
public sealed class FridgeToPartnerTests(AllInOneFixture fixture) : IClassFixture<AllInOneFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AllInOne_DemoFridge_NotifiesExpiringFoodWithinAMinute()
    {
        using var householder = Client(fixture.System.HouseholdToken);
        // Householders hear of expiring food in a daily digest (08:00 by default): due from midnight, it is made at once.
        using (var settings = await householder.PutAsJsonAsync("api/v1/household/settings", new { expiringDigestAt = "00:00" }))
        {
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        }

        var notification = await Eventually.GetValueAsync(async () =>
        {
            var list = await householder.GetFromJsonAsync<JsonElement>("api/v1/household/notifications");
            return list.EnumerateArray().Select(n => (JsonElement?)n)
                .FirstOrDefault(n => n!.Value.GetProperty("type").GetString() == "shg.food.expiring.v1");
        }, Patience, "an expiring-food notification for the demo household");

        Assert.Equal("demo", notification.GetProperty("householdId").GetString());
        Assert.Equal("warning", notification.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task ApplianceMessage_ConsentedPartnerSubscribed_ArrivesSignedAtWebhook()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        using var admin = Client(fixture.System.AdminKey);
        var partner = await PostAsync(admin, "api/v1/partners", new { name = "FreshMart", kind = "grocery" });
        using var partnerClient = Client(partner.GetProperty("apiKey").GetString()!);
        var subscription = await PostAsync(partnerClient, "api/v1/subscriptions", new { types = new[] { "shg.food.*" }, webhook = new { url = webhook.Url } });
        var secret = subscription.GetProperty("secret").GetString()!;
        using var householder = Client(fixture.System.HouseholdToken);
        var partnerId = partner.GetProperty("id").GetString()!;
        using (var consent = await householder.PutAsJsonAsync($"api/v1/household/consents/{partnerId}", new { types = new[] { "shg.food.*" } }))
        {
            Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        }

        await using var appliance = await MqttTestClient.ConnectAsync(fixture.ApplianceLinkPort);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd");
        await appliance.PublishAsync(Topics.ApplianceInventory("e2e-fridge"),
            $$"""{"op":"added","itemId":"e2e-cream","name":"E2E Cream","category":"dairy","quantity":1,"unit":"l","bestBefore":"{{tomorrow}}","location":"fridge"}""");

        var delivered = await Eventually.GetAsync(
            () => Task.FromResult(webhook.Requests.FirstOrDefault(r => r.Body.Contains("E2E Cream", StringComparison.Ordinal))),
            Patience, "the partner's webhook to receive the cream's expiring event");
        Assert.True(StandardWebhookSigner.Verify(secret, delivered.Id, long.Parse(delivered.Timestamp), delivered.Body, delivered.Signature));
        Assert.Equal("application/cloudevents+json", delivered.ContentType);
        using var cloudEvent = JsonDocument.Parse(delivered.Body);
        Assert.Equal("shg.food.expiring.v1", cloudEvent.RootElement.GetProperty("type").GetString());
        Assert.Equal(delivered.Id, cloudEvent.RootElement.GetProperty("id").GetString());
        Assert.StartsWith("/households/", cloudEvent.RootElement.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.NotEqual("/households/demo", cloudEvent.RootElement.GetProperty("source").GetString());
        Assert.DoesNotContain("e2e-cream", delivered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplianceMessage_PartnerWithoutConsent_ReceivesNothing()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        using var admin = Client(fixture.System.AdminKey);
        var partner = await PostAsync(admin, "api/v1/partners", new { name = "NosyRecipes", kind = "recipe" });
        using var partnerClient = Client(partner.GetProperty("apiKey").GetString()!);
        await PostAsync(partnerClient, "api/v1/subscriptions", new { types = new[] { "*" }, webhook = new { url = webhook.Url } });
        using var householder = Client(fixture.System.HouseholdToken);

        await using var appliance = await MqttTestClient.ConnectAsync(fixture.ApplianceLinkPort);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        await appliance.PublishAsync(Topics.ApplianceInventory("e2e-fridge"),
            $$"""{"op":"added","itemId":"e2e-fish","name":"Fish","category":"fish","quantity":1,"bestBefore":"{{today}}","location":"fridge"}""");
        await Eventually.TrueAsync(async () =>
            (await householder.GetFromJsonAsync<JsonElement>("api/v1/household")).GetProperty("inventory").EnumerateArray()
                .Any(i => i.GetProperty("itemId").GetString() == "e2e-fish" && i.TryGetProperty("expiringReportedFor", out _)),
            Patience, "the fish's expiring event to be raised");

        // Delivery rows are queued in the transaction that stores the event, so by now they would be visible;
        // without the household's consent none is queued for this partner at all.
        var deliveries = await partnerClient.GetFromJsonAsync<JsonElement>("api/v1/deliveries");

        Assert.Equal(0, deliveries.GetArrayLength());
        Assert.DoesNotContain(webhook.Requests, r => r.Body.Contains("e2e-fish", StringComparison.Ordinal));
    }

    private HttpClient Client(string bearer) => CloudApi.Client(fixture.System, bearer);

    private static Task<JsonElement> PostAsync(HttpClient client, string path, object body) => CloudApi.PostAsync(client, path, body);
}
