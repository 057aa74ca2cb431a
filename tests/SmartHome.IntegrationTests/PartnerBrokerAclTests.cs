using MQTTnet;
using SmartHome.Contracts;
using SmartHome.Testing;

namespace SmartHome.IntegrationTests;

/// <summary>
/// deploy/broker's Mosquitto configuration and ACL, run by a real Mosquitto (only the listener's port and the file
/// paths changed, the TLS listener left out): each partner reads its own event topic and nothing else.
/// </summary>
public sealed class PartnerBrokerAclTests : IAsyncLifetime
{
    private const string PartnerA = "0198a3c0c1d27e3f8a4b5c6d7e8f9a0b";
    private const string PartnerB = "0198a3c0c1d27e3f8a4b5c6d7e8f9a0c";
    private const string Core = "shg-core";
    private const string Gateway = "gw.acl-home.acl-gw";
    private static readonly string HouseholdTelemetry = Topics.Telemetry("acl-home", "acl-gw");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await DeployedBroker.StartAsync(
        $"""
        user {Gateway}
        topic write {HouseholdTelemetry}
        """,
        Core, Gateway, PartnerA, PartnerB);

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Partner_ReceivesItsOwnEvents_ButNotAnotherPartnersOrHouseholdTopics()
    {
        await using var core = await ConnectAsync(Core);
        await using var gateway = await ConnectAsync(Gateway);
        await using var partnerA = await ConnectAsync(PartnerA);
        await using var partnerB = await ConnectAsync(PartnerB);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await core.TrySubscribeAsync(Topics.TelemetrySharedSubscription));
        Assert.True(await partnerA.TrySubscribeAsync(Topics.PartnerEvents(PartnerA)) <= MqttClientSubscribeResultCode.GrantedQoS2);
        Assert.True(await partnerB.TrySubscribeAsync(Topics.PartnerEvents(PartnerB)) <= MqttClientSubscribeResultCode.GrantedQoS2);

        // Mosquitto 2.0's acl_file grants these subscriptions (SUBACK) but checks "read" on every message it would
        // deliver, so they must yield nothing; the dynamic-security plugin would refuse them outright (README.md).
        foreach (var filter in new[] { Topics.PartnerEvents(PartnerB), HouseholdTelemetry, Topics.Notifications("acl-home"), "shg/v1/partners/+/events", "shg/#", "#" })
        {
            await partnerA.TrySubscribeAsync(filter);
        }

        Assert.Equal(MqttClientPublishReasonCode.Success, await gateway.TryPublishAsync(HouseholdTelemetry, "telemetry"));
        Assert.Equal(MqttClientPublishReasonCode.Success, await core.TryPublishAsync(Topics.Notifications("acl-home"), "notification"));
        Assert.Equal(MqttClientPublishReasonCode.Success, await core.TryPublishAsync(Topics.PartnerEvents(PartnerB), "for B"));
        Assert.Equal(MqttClientPublishReasonCode.Success, await core.TryPublishAsync(Topics.PartnerEvents(PartnerA), "for A"));

        // Messages from one publisher reach a subscriber in order, so once A has its own event (published last) and
        // B has its own, nothing else is still on its way to A.
        await Eventually.TrueAsync(() => core.Received.Any(m => m.Payload == "telemetry"), Patience, "the gateway's telemetry at the core");
        await Eventually.TrueAsync(() => partnerA.Received.Any(m => m.Payload == "for A"), Patience, "partner A's own event");
        await Eventually.TrueAsync(() => partnerB.Received.Any(m => m.Payload == "for B"), Patience, "partner B's own event");
        Assert.All(partnerA.Received, m => Assert.Equal(Topics.PartnerEvents(PartnerA), m.Topic));
    }

    [Fact]
    public async Task Partner_CannotPublishToAnyPartnerTopic_NorAsAGateway()
    {
        await using var core = await ConnectAsync(Core);
        await using var partnerA = await ConnectAsync(PartnerA);
        await using var partnerB = await ConnectAsync(PartnerB);
        await partnerB.TrySubscribeAsync(Topics.PartnerEvents(PartnerB));
        await using var coreListener = await ConnectAsync(Core);
        await coreListener.TrySubscribeAsync("$share/shg-core/" + HouseholdTelemetry);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await partnerA.TryPublishAsync(Topics.PartnerEvents(PartnerB), "forged"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await partnerA.TryPublishAsync(Topics.PartnerEvents(PartnerA), "forged"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await partnerA.TryPublishAsync(HouseholdTelemetry, "forged"));
        Assert.Equal(MqttClientPublishReasonCode.Success, await core.TryPublishAsync(Topics.PartnerEvents(PartnerB), "genuine"));

        await Eventually.TrueAsync(() => partnerB.Received.Any(m => m.Payload == "genuine"), Patience, "partner B's genuine event");
        Assert.DoesNotContain(partnerB.Received, m => m.Payload == "forged");
        Assert.Empty(coreListener.Received);
    }

    [Fact]
    public async Task AnonymousClientOrWrongPassword_IsRefused()
    {
        var anonymous = await Assert.ThrowsAsync<InvalidOperationException>(() => MqttTestClient.ConnectAsync(_broker.Port));
        var wrongPassword = await Assert.ThrowsAsync<InvalidOperationException>(() => MqttTestClient.ConnectAsAsync(_broker.Port, PartnerA, "not-its-password"));
        Assert.Contains("NotAuthorized", anonymous.Message, StringComparison.Ordinal);
        Assert.Contains("NotAuthorized", wrongPassword.Message, StringComparison.Ordinal);
    }

    private Task<MqttTestClient> ConnectAsync(string username) => MqttTestClient.ConnectAsAsync(_broker.Port, username, DeployedBroker.PasswordOf(username));
}
