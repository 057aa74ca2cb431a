using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Outbox;

public class MqttDeliveryTests
{
    [Fact]
    public async Task ConsentedEvent_IsPublishedToThePartnersTopic()
    {
        await using var sut = await CloudTestHost.StartAsync();
        var (partnerId, apiKey) = await sut.CreatePartnerAsync();
        using var partner = sut.Client(apiKey);
        using var created = await partner.PostAsJsonAsync("/api/v1/subscriptions", new { types = new[] { "shg.stock.*" }, mqtt = new { } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await WebhookDeliveryTests.ConsentAsync(sut, partnerId, "shg.stock.*");
        // On the embedded broker a partner signs in with its id and API key; only then may it read its topic.
        await using var listener = await MqttTestClient.ConnectAsAsync(sut.BrokerPort, partnerId, apiKey);
        Assert.Equal(MQTTnet.MqttClientSubscribeResultCode.GrantedQoS1, await listener.TrySubscribeAsync(Topics.PartnerEvents(partnerId)));
        var needEvent = TestEvents.StockLow("home-w");

        await WebhookDeliveryTests.RaiseAsync(sut, needEvent);

        await Eventually.TrueAsync(() => !listener.Received.IsEmpty, Wait.Timeout, "the event on MQTT");
        var (topic, payload) = Assert.Single(listener.Received);
        Assert.Equal(Topics.PartnerEvents(partnerId), topic);
        var cloudEvent = JsonDocument.Parse(payload).RootElement;
        Assert.Equal(PartnerEventIds.For(partnerId, needEvent.Id), cloudEvent.GetProperty("id").GetString());
        Assert.DoesNotContain("home-w", cloudEvent.GetProperty("source").GetString(), StringComparison.Ordinal);
        await WebhookDeliveryTests.AssertDeliveryAsync(sut, apiKey, "delivered", attempts: 1);
    }

    [Fact]
    public async Task NobodySubscribed_FailsAndIsScheduledForRetry()
    {
        await using var sut = await CloudTestHost.StartAsync();
        var (partnerId, apiKey) = await sut.CreatePartnerAsync();
        using var partner = sut.Client(apiKey);
        using var created = await partner.PostAsJsonAsync("/api/v1/subscriptions", new { types = new[] { "shg.stock.*" }, mqtt = new { } });
        await WebhookDeliveryTests.ConsentAsync(sut, partnerId, "shg.stock.*");

        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow("home-w"));

        var failed = await WebhookDeliveryTests.AssertDeliveryAsync(sut, apiKey, "failed", attempts: 1);
        Assert.Contains("nobody subscribes", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.True(failed.GetProperty("nextAttemptAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
    }
}
