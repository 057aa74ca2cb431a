using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Contracts;
using SmartHome.Contracts.Events;
using SmartHome.EndToEndTests.Browser;
using SmartHome.Testing;

namespace SmartHome.EndToEndTests.Dashboard;

/// <summary>Consents granted and revoked by clicking in the dashboard, seen in what partners' webhooks receive.</summary>
[Collection(BrowserSuite.Name)]
public sealed class DashboardConsentTests(AllInOneFixture fixture, ChromeBrowser browser)
    : DashboardTest(browser, fixture.System), IClassFixture<AllInOneFixture>
{
    private const string Appliance = "e2e-consent-fridge";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly AllInOneFixture _fixture = fixture;

    [Fact]
    public async Task RevokeAll_OnePartnerOfTwo_StopsDeliveriesToItAndNotToTheOther()
    {
        await using var hookA = await WebhookReceiver.StartAsync();
        await using var hookB = await WebhookReceiver.StartAsync();
        var (partnerA, keyA) = await SubscribedPartnerAsync("RevokedRecipes", hookA);
        var (partnerB, _) = await SubscribedPartnerAsync("KeptRecipes", hookB);
        using var clientA = CloudApi.Client(_fixture.System, keyA);
        using var householder = CloudApi.Client(_fixture.System, _fixture.System.HouseholdToken);
        Page.OpenSignedIn(_fixture.System.HouseholdToken);

        Page.Click(DashboardPage.ConsentButton(partnerA, NeedEventTypes.FoodExpiring));
        Page.WaitForPressed(partnerA, NeedEventTypes.FoodExpiring);
        Page.Click(DashboardPage.ConsentButton(partnerB, NeedEventTypes.FoodExpiring));
        Page.WaitForPressed(partnerB, NeedEventTypes.FoodExpiring);
        Assert.Equal([NeedEventTypes.FoodExpiring], await DashboardSignInTests.ConsentedTypesAsync(householder, partnerA));
        Assert.Equal([NeedEventTypes.FoodExpiring], await DashboardSignInTests.ConsentedTypesAsync(householder, partnerB));

        await AddExpiringItemAsync("e2e-first-cream", "First Cream");
        await ReceivedAsync(hookA, "First Cream");
        await ReceivedAsync(hookB, "First Cream");

        Page.Click(DashboardPage.RevokeAll(partnerA));
        Page.WaitForPressed(partnerA);
        Assert.Empty(await DashboardSignInTests.ConsentedTypesAsync(householder, partnerA));
        await NothingPendingAsync(clientA);
        var deliveredToA = await DeliveryIdsAsync(clientA, "delivered");
        var requestsToA = hookA.Requests.Count;

        await AddExpiringItemAsync("e2e-second-cream", "Second Cream");
        await ReceivedAsync(hookB, "Second Cream");
        await NothingPendingAsync(clientA);

        Assert.Equal(requestsToA, hookA.Requests.Count);
        Assert.DoesNotContain(hookA.Requests, r => r.Body.Contains("Second Cream", StringComparison.Ordinal));
        Assert.Equal(deliveredToA, await DeliveryIdsAsync(clientA, "delivered"));
        Page.WaitForPressed(partnerB, NeedEventTypes.FoodExpiring);
        Page.AssertNoConsoleErrors();
    }

    /// <summary>A partner subscribed to expiring food at <paramref name="hook"/>: its id and API key.</summary>
    private async Task<(string PartnerId, string ApiKey)> SubscribedPartnerAsync(string name, WebhookReceiver hook)
    {
        using var admin = CloudApi.Client(_fixture.System, _fixture.System.AdminKey);
        var partner = await CloudApi.PostAsync(admin, "api/v1/partners", new { name, kind = "recipe" });
        var apiKey = partner.GetProperty("apiKey").GetString()!;
        using var client = CloudApi.Client(_fixture.System, apiKey);
        await CloudApi.PostAsync(client, "api/v1/subscriptions", new { types = new[] { NeedEventTypes.FoodExpiring }, webhook = new { url = hook.Url } });
        return (partner.GetProperty("id").GetString()!, apiKey);
    }

    /// <summary>An item best before tomorrow: the core raises its expiring event at once.</summary>
    private async Task AddExpiringItemAsync(string itemId, string name)
    {
        await using var link = await MqttTestClient.ConnectAsync(_fixture.ApplianceLinkPort);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        await link.PublishAsync(Topics.ApplianceInventory(Appliance),
            $$"""{"op":"added","itemId":"{{itemId}}","name":"{{name}}","category":"dairy","quantity":1,"bestBefore":"{{tomorrow:yyyy-MM-dd}}","location":"fridge"}""");
    }

    private static Task ReceivedAsync(WebhookReceiver hook, string name) => Eventually.TrueAsync(
        () => hook.Requests.Any(r => r.Body.Contains(name, StringComparison.Ordinal)), Patience, $"a webhook delivery about {name}");

    private static Task NothingPendingAsync(HttpClient partner) => Eventually.TrueAsync(
        async () => (await DeliveryIdsAsync(partner, "pending")).Count == 0 && (await DeliveryIdsAsync(partner, "failed")).Count == 0,
        Patience, "the partner's deliveries still to be tried to be done");

    private static async Task<HashSet<string>> DeliveryIdsAsync(HttpClient partner, string status) =>
        [.. (await partner.GetFromJsonAsync<JsonElement>($"api/v1/deliveries?status={status}")).EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];
}
