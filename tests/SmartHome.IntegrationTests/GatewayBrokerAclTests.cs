using System.Text.Json;
using MQTTnet;
using SmartHome.Contracts;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Serialization;
using SmartHome.Testing;

namespace SmartHome.IntegrationTests;

/// <summary>
/// deploy/broker's ACL with its commented gateway block provisioned for two households, in a real Mosquitto: a gateway
/// reads its own household's notifications (and passes them to Home Assistant) and nobody else's.
/// </summary>
public sealed class GatewayBrokerAclTests : IAsyncLifetime
{
    private const string Core = "shg-core";
    private const string HouseholdId = "acl-home";
    private const string GatewayId = "acl-gw";
    private const string OtherHouseholdId = "other-home";
    private const string OtherGatewayId = "other-gw";
    private static readonly string Gateway = $"gw.{HouseholdId}.{GatewayId}";
    private static readonly string OtherGateway = $"gw.{OtherHouseholdId}.{OtherGatewayId}";
    private const int UplinkSubscribedToNotifications = 1210;
    private const int HomeAssistantAnnouncing = 1500;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _outboxPath = Directory.CreateTempSubdirectory("shg-outbox-").FullName;
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await DeployedBroker.StartAsync(
        GatewayBlock(HouseholdId, GatewayId) + GatewayBlock(OtherHouseholdId, OtherGatewayId), Core, Gateway, OtherGateway);

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_outboxPath, recursive: true);
    }

    [Fact]
    public async Task GatewayAccount_ReadsItsHouseholdsNotifications_NotAnotherHouseholds()
    {
        await using var gateway = await GatewayInstance.StartAsync(HouseholdId, GatewayId, _broker.Port, _outboxPath, new Dictionary<string, string?>
        {
            ["SmartHome:Gateway:Uplink:Username"] = Gateway,
            ["SmartHome:Gateway:Uplink:Password"] = DeployedBroker.PasswordOf(Gateway),
        });
        await using var homeAssistant = await MqttTestClient.ConnectAsync(gateway.ApplianceLinkPort, $"shg-gateway/{GatewayId}/notifications");
        await using var snooping = await ConnectAsync(Gateway);
        await using var other = await ConnectAsync(OtherGateway);
        await using var core = await ConnectAsync(Core);
        await snooping.TrySubscribeAsync("shg/v1/+/notifications");
        await other.TrySubscribeAsync(Topics.Notifications(OtherHouseholdId));
        await Eventually.TrueAsync(
            () => gateway.Logs.GetSnapshot().Any(log => log.Id.Id == UplinkSubscribedToNotifications)
                && gateway.Logs.GetSnapshot().Any(log => log.Id.Id == HomeAssistantAnnouncing),
            Patience,
            "the gateway to subscribe to its notifications and announce to Home Assistant");
        var id = Guid.NewGuid();

        // Published for the other household first: a subscriber gets one publisher's messages in order, so once the
        // own household's has arrived, the other's would have too had the ACL let it through.
        Assert.Equal(MqttClientPublishReasonCode.Success, await core.TryPublishAsync(Topics.Notifications(OtherHouseholdId), Notification(Guid.NewGuid(), OtherHouseholdId)));
        await Eventually.TrueAsync(() => !other.Received.IsEmpty, Patience, "the other household's gateway to get its notification");
        Assert.Equal(MqttClientPublishReasonCode.Success, await core.TryPublishAsync(Topics.Notifications(HouseholdId), Notification(id, HouseholdId)));

        await Eventually.TrueAsync(() => !homeAssistant.Received.IsEmpty && !snooping.Received.IsEmpty, Patience, "the household's notification at its gateway");
        var (_, homeAssistantEvent) = Assert.Single(homeAssistant.Received);
        Assert.Equal(id, JsonDocument.Parse(homeAssistantEvent).RootElement.GetProperty("id").GetGuid());
        Assert.All(snooping.Received, message => Assert.Equal(Topics.Notifications(HouseholdId), message.Topic));
    }

    /// <summary>The commented example block of deploy/broker/acl, for this household and gateway.</summary>
    private static string GatewayBlock(string householdId, string gatewayId) =>
        string.Concat(File.ReadLines(DeployedBroker.DeployFile("acl"))
            .Where(line => line.StartsWith("#user gw.", StringComparison.Ordinal) || line.StartsWith("#topic ", StringComparison.Ordinal))
            .Select(line => line[1..].Replace("demo-gw", gatewayId, StringComparison.Ordinal).Replace("demo", householdId, StringComparison.Ordinal) + "\n"));

    private static string Notification(Guid id, string householdId) => JsonSerializer.Serialize(
        new HouseholdNotification
        {
            Id = id,
            HouseholdId = householdId,
            EventId = "evt-1",
            Type = "shg.food.unsafe.v1",
            Severity = NotificationSeverity.Urgent,
            Title = "Milk may be unsafe",
            Body = "It was above 8 °C for 3 hours.",
            At = DateTimeOffset.UtcNow,
        },
        ContractsJsonContext.Default.HouseholdNotification);

    private Task<MqttTestClient> ConnectAsync(string username) => MqttTestClient.ConnectAsAsync(_broker.Port, username, DeployedBroker.PasswordOf(username));
}
