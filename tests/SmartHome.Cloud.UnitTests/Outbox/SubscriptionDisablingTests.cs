using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts;
using SmartHome.Testing;
using static SmartHome.Cloud.UnitTests.Outbox.DeliveryTestClient;

namespace SmartHome.Cloud.UnitTests.Outbox;

/// <summary>410 Gone and an endpoint that stays down disable the subscription, keep its events held, and enabling replays them.</summary>
public class SubscriptionDisablingTests
{
    private const string HouseholdId = "home-w";

    [Fact]
    public async Task Gone410_DisablesTheSubscriptionHoldsItsDeliveriesAndNotifiesThePartner()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var receiver = await WebhookReceiver.StartAsync(() => 410);
        await using var sut = await CloudTestHost.StartAsync(time: time);
        var partner = await WebhookDeliveryTests.SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await WebhookDeliveryTests.ConsentAsync(sut, partner.Id, "shg.stock.*");

        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(HouseholdId));
        await WaitForDeliveriesAsync(sut, partner.ApiKey, "held", 1);
        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(HouseholdId));

        var held = await WaitForDeliveriesAsync(sut, partner.ApiKey, "held", 2);
        Assert.Single(receiver.Received);
        Assert.Equal(0, held[0].GetProperty("attempts").GetInt32());
        Assert.Equal(410, held[1].GetProperty("lastStatusCode").GetInt32());
        var subscription = await SubscriptionAsync(sut, partner.ApiKey);
        Assert.Equal("disabled", subscription.GetProperty("status").GetString());
        Assert.Contains("410", subscription.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        var notice = Assert.Single(await NoticesAsync(sut, partner.ApiKey));
        Assert.Equal("subscription-disabled", notice.GetProperty("kind").GetString());
        Assert.Equal(subscription.GetProperty("id").GetString(), notice.GetProperty("subscriptionId").GetString());
        Assert.Equal(1, (await sut.HealthAsync()).GetProperty("deliveries").GetProperty("subscriptionsDisabled").GetInt64());
        Assert.Empty(await DeliveriesAsync(sut, partner.ApiKey, "dead"));
    }

    [Fact]
    public async Task EndpointDownLongerThanDisableAfter_IsDisabledWithItsEventsKeptThenEnableReplaysThemOldestFirst()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var up = 0;
        await using var receiver = await WebhookReceiver.StartAsync(() => Volatile.Read(ref up) == 1 ? 204 : 500);
        await using var sut = await CloudTestHost.StartAsync(
            settings =>
            {
                settings["SmartHome:Cloud:Delivery:DisableAfter"] = "00:01:00";
                settings["SmartHome:Cloud:Delivery:Worker:MaxInFlightPerEndpoint"] = "1";
            },
            time: time);
        var partner = await WebhookDeliveryTests.SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await WebhookDeliveryTests.ConsentAsync(sut, partner.Id, "shg.stock.*");
        var first = TestEvents.StockLow(HouseholdId);
        await WebhookDeliveryTests.RaiseAsync(sut, first);
        await Eventually.TrueAsync(() => AttemptedAsync(sut, partner.ApiKey, 1, attempts: 1), Wait.Timeout, "the first attempt");
        await AdvanceUntilAsync(time, TimeSpan.FromSeconds(6), () => AttemptedAsync(sut, partner.ApiKey, 1, attempts: 2), "the second attempt");
        Assert.Equal("active", (await SubscriptionAsync(sut, partner.ApiKey)).GetProperty("status").GetString());
        Assert.Single(await DeliveriesAsync(sut, partner.ApiKey, "failed"));

        await AdvanceUntilAsync(
            time, TimeSpan.FromMinutes(6), async () => (await DeliveriesAsync(sut, partner.ApiKey, "held")).Length == 1, "the third attempt, past DisableAfter");

        Assert.Equal(3, receiver.Received.Count);
        var subscription = await SubscriptionAsync(sut, partner.ApiKey);
        Assert.Equal("disabled", subscription.GetProperty("status").GetString());
        Assert.Contains("accepted nothing", subscription.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        Assert.Single(await NoticesAsync(sut, partner.ApiKey));
        time.Advance(TimeSpan.FromSeconds(1));
        var second = TestEvents.StockLow(HouseholdId);
        await WebhookDeliveryTests.RaiseAsync(sut, second);
        await WaitForDeliveriesAsync(sut, partner.ApiKey, "held", 2);
        Assert.Equal(3, receiver.Received.Count);

        Volatile.Write(ref up, 1);
        using var asPartner = sut.Client(partner.ApiKey);
        using var enabled = await asPartner.PostAsync($"/api/v1/subscriptions/{subscription.GetProperty("id").GetString()}/enable", null);

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal("active", (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await WaitForDeliveriesAsync(sut, partner.ApiKey, "delivered", 2);
        var replayed = receiver.Received.Skip(3).Select(r => r.Id).ToArray();
        Assert.Equal([PartnerEventIds.For(partner.Id, first.Id), PartnerEventIds.For(partner.Id, second.Id)], replayed);
    }

    [Fact]
    public async Task Enable_HandshakeFails_Is422AndStaysDisabled()
    {
        await using var receiver = await WebhookReceiver.StartAsync(() => 410);
        await using var sut = await CloudTestHost.StartAsync(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        var partner = await WebhookDeliveryTests.SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await WebhookDeliveryTests.ConsentAsync(sut, partner.Id, "shg.stock.*");
        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(HouseholdId));
        await WaitForDeliveriesAsync(sut, partner.ApiKey, "held", 1);
        var id = (await SubscriptionAsync(sut, partner.ApiKey)).GetProperty("id").GetString();
        receiver.RefuseHandshake = true;

        using var asPartner = sut.Client(partner.ApiKey);
        using var refused = await asPartner.PostAsync($"/api/v1/subscriptions/{id}/enable", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("disabled", (await SubscriptionAsync(sut, partner.ApiKey)).GetProperty("status").GetString());
        Assert.Single(await DeliveriesAsync(sut, partner.ApiKey, "held"));
    }

    [Fact]
    public async Task Enable_AnotherPartnersSubscription_Is404AndAnActiveOne409()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync();
        var partnerA = await WebhookDeliveryTests.SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        var partnerB = await sut.CreatePartnerAsync("B", "recipe");
        var id = (await SubscriptionAsync(sut, partnerA.ApiKey)).GetProperty("id").GetString();

        using var asB = sut.Client(partnerB.ApiKey);
        using var notFound = await asB.PostAsync($"/api/v1/subscriptions/{id}/enable", null);
        using var asA = sut.Client(partnerA.ApiKey);
        using var conflict = await asA.PostAsync($"/api/v1/subscriptions/{id}/enable", null);

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public async Task Disabled_PartnerUsingMqtt_GetsTheNoticeOnItsNoticesTopic()
    {
        await using var receiver = await WebhookReceiver.StartAsync(() => 410);
        await using var sut = await CloudTestHost.StartAsync(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        var partner = await WebhookDeliveryTests.SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        using (var asPartner = sut.Client(partner.ApiKey))
        {
            using var mqttSubscription = await asPartner.PostAsJsonAsync("/api/v1/subscriptions", new { types = new[] { "shg.food.*" }, mqtt = new { } });
            Assert.Equal(HttpStatusCode.Created, mqttSubscription.StatusCode);
        }

        await WebhookDeliveryTests.ConsentAsync(sut, partner.Id, "shg.stock.*");
        await using var listener = await MqttTestClient.ConnectAsAsync(sut.BrokerPort, partner.Id, partner.ApiKey);
        Assert.Equal(MQTTnet.MqttClientSubscribeResultCode.GrantedQoS1, await listener.TrySubscribeAsync(Topics.PartnerNotices(partner.Id)));

        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(HouseholdId));

        await Eventually.TrueAsync(() => !listener.Received.IsEmpty, Wait.Timeout, "the notice on MQTT");
        var notice = JsonDocument.Parse(Assert.Single(listener.Received).Payload).RootElement;
        Assert.Equal("subscription-disabled", notice.GetProperty("kind").GetString());
        Assert.Equal(Assert.Single(await NoticesAsync(sut, partner.ApiKey)).GetProperty("id").GetString(), notice.GetProperty("id").GetString());
    }
}
