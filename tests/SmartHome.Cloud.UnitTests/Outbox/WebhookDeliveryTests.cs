using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.Ingest;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts.Events;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Outbox;

public class WebhookDeliveryTests
{
    internal const string HouseholdId = "home-w";

    [Fact]
    public async Task ConsentedEvent_ArrivesAsSignedCloudEventUnderAPseudonym()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync();
        var partner = await SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await ConsentAsync(sut, partner.Id, "shg.stock.*");
        var needEvent = TestEvents.StockLow(HouseholdId);

        await RaiseAsync(sut, needEvent);

        await Eventually.TrueAsync(() => !receiver.Received.IsEmpty, Wait.Timeout, "the webhook");
        var received = Assert.Single(receiver.Received);
        Assert.True(StandardWebhookSigner.Verify(partner.Secret, received.Id, long.Parse(received.Timestamp, System.Globalization.CultureInfo.InvariantCulture), received.Body, received.Signature));
        Assert.Equal(PartnerEventIds.For(partner.Id, needEvent.Id), received.Id);
        Assert.Equal(NeedEventCloudEventWriter.ContentType, received.ContentType);
        var cloudEvent = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal(received.Id, cloudEvent.GetProperty("id").GetString());
        Assert.Equal(NeedEventTypes.StockLow, cloudEvent.GetProperty("type").GetString());
        Assert.Equal("Milk", cloudEvent.GetProperty("data").GetProperty("name").GetString());
        var source = cloudEvent.GetProperty("source").GetString()!;
        Assert.StartsWith("/households/", source, StringComparison.Ordinal);
        Assert.DoesNotContain(HouseholdId, source, StringComparison.Ordinal);
        await AssertDeliveryAsync(sut, partner.ApiKey, "delivered", attempts: 1);
    }

    [Fact]
    public async Task EndpointFailsOnce_IsRetriedOnScheduleThenDelivered()
    {
        var answers = new Queue<int>([500, 204]);
        await using var receiver = await WebhookReceiver.StartAsync(() => answers.Count > 1 ? answers.Dequeue() : answers.Peek());
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sut = await CloudTestHost.StartAsync(time: time);
        var partner = await SubscribeAsync(sut, receiver.Url, "shg.stock.low.v1");
        await ConsentAsync(sut, partner.Id, "shg.*");

        await RaiseAsync(sut, TestEvents.StockLow(HouseholdId));
        await Eventually.TrueAsync(() => receiver.Received.Count == 1, Wait.Timeout, "the first attempt");
        var failed = await AssertDeliveryAsync(sut, partner.ApiKey, "failed", attempts: 1);
        Assert.Equal(500, failed.GetProperty("lastStatusCode").GetInt32());
        time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(300);
        Assert.Single(receiver.Received);

        time.Advance(TimeSpan.FromSeconds(2));

        await Eventually.TrueAsync(() => receiver.Received.Count == 2, Wait.Timeout, "the retry");
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        await AssertDeliveryAsync(sut, partner.ApiKey, "delivered", attempts: 2);
    }

    [Fact]
    public async Task SameEvent_TwoConsentedPartners_GetDifferentIdsKeptAcrossRetries()
    {
        var failFirst = 1;
        await using var receiver = await WebhookReceiver.StartAsync(() => Interlocked.Exchange(ref failFirst, 0) == 1 ? 500 : 204);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sut = await CloudTestHost.StartAsync(time: time);
        var partnerA = await SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        var partnerB = await SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await ConsentAsync(sut, partnerA.Id, "shg.stock.*");
        await ConsentAsync(sut, partnerB.Id, "shg.stock.*");
        var needEvent = TestEvents.StockLow(HouseholdId);

        await RaiseAsync(sut, needEvent);
        await Eventually.TrueAsync(() => receiver.Received.Count == 2, Wait.Timeout, "both partners' first attempts");
        time.Advance(TimeSpan.FromSeconds(6));
        await Eventually.TrueAsync(() => receiver.Received.Count == 3, Wait.Timeout, "the retry of the failed attempt");

        var received = receiver.Received.ToArray();
        Assert.Equal(
            new[] { PartnerEventIds.For(partnerA.Id, needEvent.Id), PartnerEventIds.For(partnerB.Id, needEvent.Id) }.Order(),
            received.Select(r => r.Id).Distinct().Order());
        Assert.NotEqual(received[0].Id, received[1].Id);
        Assert.Equal(500, received[0].AnsweredStatus);
        Assert.Equal(received[0].Id, received[2].Id);
        Assert.All(received, r => Assert.Equal(r.Id, JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task NoConsentForTheType_QueuesNothingAndSendsNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync();
        var partner = await SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await ConsentAsync(sut, partner.Id, "shg.food.*");

        await RaiseAsync(sut, TestEvents.StockLow(HouseholdId));

        using var asPartner = sut.Client(partner.ApiKey);
        Assert.Equal(0, (await asPartner.GetFromJsonAsync<JsonElement>("/api/v1/deliveries")).GetArrayLength());
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task ConsentRevokedAfterQueueing_IsCancelledAndNeverSent()
    {
        using var firstAnswer = new ManualResetEventSlim();
        using var firstArrived = new ManualResetEventSlim();
        await using var receiver = await WebhookReceiver.StartAsync(() =>
        {
            firstArrived.Set();
            firstAnswer.Wait(Wait.Timeout);
            return 204;
        });
        await using var sut = await CloudTestHost.StartAsync(settings => settings["SmartHome:Cloud:Delivery:Worker:MaxInFlightPerEndpoint"] = "1");
        var partner = await SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await ConsentAsync(sut, partner.Id, "shg.stock.*");
        await RaiseAsync(sut, TestEvents.StockLow(HouseholdId));
        await Eventually.TrueAsync(() => firstArrived.IsSet, Wait.Timeout, "the first delivery holding the endpoint");
        await RaiseAsync(sut, TestEvents.StockLow(HouseholdId));
        using (var householder = sut.Client(await sut.CreateHouseholderTokenAsync(HouseholdId)))
        {
            using var revoked = await householder.DeleteAsync($"/api/v1/household/consents/{partner.Id}");
            Assert.True(revoked.IsSuccessStatusCode);
        }

        firstAnswer.Set();

        var cancelled = await AssertDeliveryAsync(sut, partner.ApiKey, "cancelled", attempts: 0);
        Assert.Contains("consent", cancelled.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        await AssertDeliveryAsync(sut, partner.ApiKey, "delivered", attempts: 1);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task Deliveries_OfAnotherPartner_AreInvisible()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync();
        var partnerA = await SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        var partnerB = await sut.CreatePartnerAsync("B", "recipe");
        await ConsentAsync(sut, partnerA.Id, "shg.stock.*");
        await RaiseAsync(sut, TestEvents.StockLow(HouseholdId));
        await AssertDeliveryAsync(sut, partnerA.ApiKey, "delivered", attempts: 1);

        using var asB = sut.Client(partnerB.ApiKey);
        var seenByB = await asB.GetFromJsonAsync<JsonElement>("/api/v1/deliveries");

        Assert.Equal(0, seenByB.GetArrayLength());
    }

    internal static async Task<(string Id, string ApiKey, string Secret)> SubscribeAsync(CloudTestHost sut, Uri url, string type)
    {
        var (id, apiKey, subscription) = await PartnerDeliverySteps.CreateSubscriptionAsync(sut, url, [type]);
        return (id, apiKey, subscription.GetProperty("secret").GetString()!);
    }

    internal static Task ConsentAsync(CloudTestHost sut, string partnerId, string type) =>
        PartnerDeliverySteps.ConsentAsync(sut, HouseholdId, partnerId, type);

    internal static Task RaiseAsync(CloudTestHost sut, NeedEvent needEvent) =>
        sut.Service<HouseholdUpdater>().ChangeAsync(needEvent.HouseholdId, null, _ => [needEvent], CancellationToken.None);

    internal static async Task<JsonElement> AssertDeliveryAsync(CloudTestHost sut, string apiKey, string status, int attempts)
    {
        using var partner = sut.Client(apiKey);
        var delivery = await Wait.ForJsonAsync(
            async () => await partner.GetFromJsonAsync<JsonElement>($"/api/v1/deliveries?status={status}") is { } list && list.GetArrayLength() > 0 ? list[0] : null,
            $"a {status} delivery");
        Assert.Equal(attempts, delivery.GetProperty("attempts").GetInt32());
        return delivery;
    }
}
