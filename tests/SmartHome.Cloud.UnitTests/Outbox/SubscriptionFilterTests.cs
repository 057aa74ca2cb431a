using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
using static SmartHome.Cloud.UnitTests.Outbox.PartnerDeliverySteps;

namespace SmartHome.Cloud.UnitTests.Outbox;

public class SubscriptionFilterTests
{
    private const string HouseholdId = "home-f";

    [Fact]
    public async Task CategoryFilter_QueuesOnlyMatchingEvents()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync();
        var partner = await SubscribeAsync(sut, receiver.Url, ["shg.stock.*"], filter: new { category = new[] { "dairy", "meat" } });
        await ConsentAsync(sut, HouseholdId, partner.Id, "*");
        var milk = StockLow("milk-1", "Milk", "Dairy");
        var bread = StockLow("bread-1", "Bread", "bakery");

        await ChangeAsync(sut, HouseholdId, _ => { }, milk, bread);

        await Eventually(() => receiver.Received.Count == 1);
        var deliveries = await DeliveriesByEventAsync(sut, partner.ApiKey);
        Assert.Equal([milk.Id], deliveries.Keys);
        Assert.Equal(PartnerEventIds.For(partner.Id, milk.Id), Assert.Single(receiver.Received).Id);
    }

    [Fact]
    public async Task ListSubscriptions_ShowsTheFilter()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync();
        var partner = await SubscribeAsync(sut, receiver.Url, ["shg.food.*"], filter: new { location = new[] { " Freezer " } });

        using var client = sut.Client(partner.ApiKey);
        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/subscriptions")).EnumerateArray());

        Assert.Equal("""{"location":["Freezer"]}""", listed.GetProperty("filter").GetRawText());
    }

    [Theory]
    [InlineData("""{"colour":["red"]}""", "filter.colour")]
    [InlineData("""{"compartment":["fridge"]}""", "filter.compartment")]
    [InlineData("""{"location":["garage"]}""", "filter.location[0]")]
    [InlineData("""{"category":[]}""", "filter.category")]
    [InlineData("""{"category":[" "]}""", "filter.category[0]")]
    public async Task CreateSubscription_BadFilter_IsAProblemNamingTheField(string filter, string field)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync();
        var (_, apiKey) = await sut.CreatePartnerAsync();
        using var client = sut.Client(apiKey);
        using var body = new StringContent(
            $$"""{"types":["shg.food.*"],"webhook":{"url":"{{receiver.Url}}"},"filter":{{filter}}}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/v1/subscriptions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.GetRawText());
    }

    private static NeedEvent StockLow(string itemId, string name, string category) => Event(
        HouseholdId, NeedEventTypes.StockLow, $"items/{itemId}", DateTimeOffset.UtcNow,
        new StockLowData { Name = name, Category = category, Quantity = 0 }, ContractsJsonContext.Default.StockLowData);

    private static Task Eventually(Func<bool> condition) => SmartHome.Testing.Eventually.TrueAsync(condition, Wait.Timeout, "the webhook");
}
