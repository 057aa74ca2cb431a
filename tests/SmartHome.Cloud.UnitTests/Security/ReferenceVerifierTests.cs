using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Cloud.UnitTests.Outbox;
using SmartHome.Contracts;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Security;

/// <summary>Our signatures as an independent implementation of Standard Webhooks sees them, on requests we really sent.</summary>
public class ReferenceVerifierTests
{
    [Fact]
    public async Task Delivery_SingleSignature_VerifiedByTheReferenceImplementation()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync();
        var partner = await SubscribedPartner.CreateAsync(sut, receiver.Url);
        await WebhookDeliveryTests.ConsentAsync(sut, partner.PartnerId, "shg.stock.*");

        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(WebhookDeliveryTests.HouseholdId));

        await Eventually.TrueAsync(() => !receiver.Received.IsEmpty, Wait.Timeout, "the webhook");
        var request = Assert.Single(receiver.Received);
        Assert.Equal((true, "verified"), await ReferenceVerifier.VerifyAsync(partner.Secret, request));
        var (verifiedWithOtherSecret, complaint) = await ReferenceVerifier.VerifyAsync(StandardWebhookSigner.NewSecret(), request);
        Assert.False(verifiedWithOtherSecret);
        Assert.Contains("No matching signature found", complaint, StringComparison.Ordinal);
        var (verifiedWithAlteredBody, _) = await ReferenceVerifier.VerifyAsync(partner.Secret, request with { Body = request.Body.Replace("Milk", "Mílk", StringComparison.Ordinal) });
        Assert.False(verifiedWithAlteredBody);
    }

    [Fact]
    public async Task Delivery_DuringRotation_VerifiedByTheReferenceImplementationWithEitherSecret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync();
        var partner = await SubscribedPartner.CreateAsync(sut, receiver.Url);
        await WebhookDeliveryTests.ConsentAsync(sut, partner.PartnerId, "shg.stock.*");
        var (newSecret, _) = await partner.RotateAsync(sut);

        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(WebhookDeliveryTests.HouseholdId));

        await Eventually.TrueAsync(() => !receiver.Received.IsEmpty, Wait.Timeout, "the webhook");
        var request = Assert.Single(receiver.Received);
        Assert.Equal(2, request.Signature.Split(' ').Length);
        Assert.Equal((true, "verified"), await ReferenceVerifier.VerifyAsync(newSecret, request));
        Assert.Equal((true, "verified"), await ReferenceVerifier.VerifyAsync(partner.Secret, request));
        Assert.False((await ReferenceVerifier.VerifyAsync(StandardWebhookSigner.NewSecret(), request)).Verified);
    }

    [Fact]
    public async Task MqttDelivery_DuringRotation_UserPropertiesVerifiedByTheReferenceImplementationWithEitherSecret()
    {
        await using var sut = await CloudTestHost.StartAsync();
        var partner = await SubscribedPartner.CreateAsync(sut, webhookUrl: null);
        await WebhookDeliveryTests.ConsentAsync(sut, partner.PartnerId, "shg.stock.*");
        await using var listener = await MqttTestClient.ConnectAsAsync(sut.BrokerPort, partner.PartnerId, partner.ApiKey);
        await listener.TrySubscribeAsync(Topics.PartnerEvents(partner.PartnerId));
        var (newSecret, _) = await partner.RotateAsync(sut);

        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(WebhookDeliveryTests.HouseholdId));

        await Eventually.TrueAsync(() => !listener.Received.IsEmpty, Wait.Timeout, "the event on MQTT");
        var properties = Assert.Single(listener.ReceivedUserProperties);
        var message = new ReceivedWebhook(
            properties["webhook-id"], properties["webhook-timestamp"], properties["webhook-signature"], null, Assert.Single(listener.Received).Payload, 0);
        Assert.Equal((true, "verified"), await ReferenceVerifier.VerifyAsync(newSecret, message));
        Assert.Equal((true, "verified"), await ReferenceVerifier.VerifyAsync(partner.Secret, message));
        Assert.False((await ReferenceVerifier.VerifyAsync(StandardWebhookSigner.NewSecret(), message)).Verified);
    }
}
