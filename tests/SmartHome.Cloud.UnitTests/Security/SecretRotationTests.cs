using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Cloud.UnitTests.Outbox;
using SmartHome.Contracts;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Security;

public class SecretRotationTests
{
    private static readonly TimeSpan DefaultOverlap = TimeSpan.FromHours(24);

    [Fact]
    public async Task RotateSecret_Webhook_BothSignaturesDuringTheOverlapThenOnlyTheNew()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sut = await CloudTestHost.StartAsync(time: time);
        var partner = await SubscribedPartner.CreateAsync(sut, receiver.Url);
        await WebhookDeliveryTests.ConsentAsync(sut, partner.PartnerId, "shg.stock.*");
        var rotatedAt = time.GetUtcNow();

        var (secret, previousExpiresAt) = await partner.RotateAsync(sut);
        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(WebhookDeliveryTests.HouseholdId, time: time.GetUtcNow()));
        await Eventually.TrueAsync(() => receiver.Received.Count == 1, Wait.Timeout, "the delivery during the overlap");
        time.Advance(TimeSpan.FromHours(23.9));
        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(WebhookDeliveryTests.HouseholdId, time: time.GetUtcNow()));
        await Eventually.TrueAsync(() => receiver.Received.Count == 2, Wait.Timeout, "the delivery at the end of the overlap");
        time.Advance(TimeSpan.FromHours(0.1));
        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(WebhookDeliveryTests.HouseholdId, time: time.GetUtcNow()));
        await Eventually.TrueAsync(() => receiver.Received.Count == 3, Wait.Timeout, "the delivery after the overlap");

        Assert.StartsWith(StandardWebhookSigner.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.NotEqual(partner.Secret, secret);
        Assert.Equal(rotatedAt + DefaultOverlap, previousExpiresAt);
        var received = receiver.Received.ToArray();
        foreach (var during in received[..2])
        {
            Assert.Equal(StandardWebhookSigner.Sign([secret, partner.Secret], during.Id, Seconds(during.Timestamp), during.Body), during.Signature);
        }

        var after = received[2];
        Assert.Equal(StandardWebhookSigner.Sign(secret, after.Id, Seconds(after.Timestamp), after.Body), after.Signature);
        Assert.False(StandardWebhookSigner.Verify(partner.Secret, after.Id, Seconds(after.Timestamp), after.Body, after.Signature));
    }

    [Fact]
    public async Task RotateSecret_Mqtt_UserPropertyCarriesBothSignaturesDuringTheOverlap()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sut = await CloudTestHost.StartAsync(
            settings => settings["SmartHome:Cloud:Delivery:SecretRotationOverlap"] = "01:00:00", time: time);
        var partner = await SubscribedPartner.CreateAsync(sut, webhookUrl: null);
        await WebhookDeliveryTests.ConsentAsync(sut, partner.PartnerId, "shg.stock.*");
        await using var listener = await MqttTestClient.ConnectAsAsync(sut.BrokerPort, partner.PartnerId, partner.ApiKey);
        await listener.TrySubscribeAsync(Topics.PartnerEvents(partner.PartnerId));

        var (secret, previousExpiresAt) = await partner.RotateAsync(sut);
        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(WebhookDeliveryTests.HouseholdId, time: time.GetUtcNow()));
        await Eventually.TrueAsync(() => listener.Received.Count == 1, Wait.Timeout, "the event during the overlap");
        time.Advance(TimeSpan.FromHours(1));
        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(WebhookDeliveryTests.HouseholdId, time: time.GetUtcNow()));
        await Eventually.TrueAsync(() => listener.Received.Count == 2, Wait.Timeout, "the event after the overlap");

        Assert.Equal(time.GetUtcNow(), previousExpiresAt);
        var messages = listener.Received.Zip(listener.ReceivedUserProperties).ToArray();
        var (during, duringProperties) = messages[0];
        var (after, afterProperties) = messages[1];
        Assert.Equal(
            StandardWebhookSigner.Sign([secret, partner.Secret], duringProperties["webhook-id"], Seconds(duringProperties["webhook-timestamp"]), during.Payload),
            duringProperties["webhook-signature"]);
        Assert.Equal(
            StandardWebhookSigner.Sign(secret, afterProperties["webhook-id"], Seconds(afterProperties["webhook-timestamp"]), after.Payload),
            afterProperties["webhook-signature"]);
    }

    [Fact]
    public async Task RotateSecret_AnotherPartnersOrDeletedSubscription_Returns404AndChangesNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync();
        var owner = await SubscribedPartner.CreateAsync(sut, receiver.Url, name: "Owner");
        var other = await SubscribedPartner.CreateAsync(sut, webhookUrl: null, name: "Other");
        await WebhookDeliveryTests.ConsentAsync(sut, owner.PartnerId, "shg.stock.*");
        using var asOther = sut.Client(other.ApiKey);
        using var asOwner = sut.Client(owner.ApiKey);

        using var byOther = await asOther.PostAsync($"/api/v1/subscriptions/{owner.SubscriptionId}/secret", null);
        using var deleted = await asOther.DeleteAsync($"/api/v1/subscriptions/{other.SubscriptionId}");
        using var ofDeleted = await asOther.PostAsync($"/api/v1/subscriptions/{other.SubscriptionId}/secret", null);
        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(WebhookDeliveryTests.HouseholdId));
        await Eventually.TrueAsync(() => !receiver.Received.IsEmpty, Wait.Timeout, "the owner's delivery");

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal("application/problem+json", byOther.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, ofDeleted.StatusCode);
        var delivered = Assert.Single(receiver.Received);
        Assert.Equal(StandardWebhookSigner.Sign(owner.Secret, delivered.Id, Seconds(delivered.Timestamp), delivered.Body), delivered.Signature);
    }

    private static long Seconds(string timestamp) => long.Parse(timestamp, CultureInfo.InvariantCulture);
}
