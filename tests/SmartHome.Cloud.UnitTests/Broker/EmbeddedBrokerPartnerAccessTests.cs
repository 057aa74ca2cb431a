using MQTTnet;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Broker;

/// <summary>The embedded broker applies deploy/broker's partner ACL itself: each partner reads its own topic only.</summary>
public sealed class EmbeddedBrokerPartnerAccessTests : IAsyncLifetime
{
    private static readonly string Telemetry = Topics.Telemetry("home-acl", "gw-acl");
    private CloudTestHost sut = null!;
    private (string Id, string ApiKey) partnerA;
    private (string Id, string ApiKey) partnerB;

    public async Task InitializeAsync()
    {
        sut = await CloudTestHost.StartAsync();
        partnerA = await sut.CreatePartnerAsync("A-Mart");
        partnerB = await sut.CreatePartnerAsync("B-Mart");
    }

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Fact]
    public async Task Partner_MaySubscribeToItsOwnTopicOnly_AndPublishNothing()
    {
        await using var asA = await MqttTestClient.ConnectAsAsync(sut.BrokerPort, partnerA.Id, partnerA.ApiKey);

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await asA.TrySubscribeAsync(Topics.PartnerEvents(partnerA.Id)));
        foreach (var filter in new[] { Topics.PartnerEvents(partnerB.Id), "shg/v1/partners/+/events", "#", Telemetry, Topics.Notifications("home-acl") })
        {
            Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await asA.TrySubscribeAsync(filter));
        }

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await asA.TryPublishAsync(Topics.PartnerEvents(partnerB.Id), "forged"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await asA.TryPublishAsync(Telemetry, "forged"));
    }

    [Fact]
    public async Task OtherClients_MayNotReadOrWritePartnerTopics_ButKeepTheirOwn()
    {
        await using var anonymous = await MqttTestClient.ConnectAsync(sut.BrokerPort);
        await using var wrongKey = await MqttTestClient.ConnectAsAsync(sut.BrokerPort, partnerA.Id, partnerB.ApiKey);

        foreach (var filter in new[] { Topics.PartnerEvents(partnerA.Id), "shg/v1/partners/#", "shg/v1/+/+/+", "#" })
        {
            Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await anonymous.TrySubscribeAsync(filter));
            Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await wrongKey.TrySubscribeAsync(filter));
        }

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await anonymous.TryPublishAsync(Topics.PartnerEvents(partnerA.Id), "forged"));
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await anonymous.TrySubscribeAsync("shg/v1/+/+/telemetry"));
        Assert.NotEqual(MqttClientPublishReasonCode.NotAuthorized, await wrongKey.TryPublishAsync(Telemetry, "{}"));
    }

    [Fact]
    public async Task BrokerWithCoreCredentials_StillLetsAPartnerInWithItsKey_AndRefusesAnonymous()
    {
        await using var secured = await CloudTestHost.StartAsync(settings =>
        {
            settings["SmartHome:Cloud:Broker:Username"] = "core";
            settings["SmartHome:Cloud:Broker:Password"] = "core-password-0123";
        });
        var partner = await secured.CreatePartnerAsync();

        await using var asPartner = await MqttTestClient.ConnectAsAsync(secured.BrokerPort, partner.Id, partner.ApiKey);

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await asPartner.TrySubscribeAsync(Topics.PartnerEvents(partner.Id)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => MqttTestClient.ConnectAsync(secured.BrokerPort));
    }
}
