using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Contracts;
using SmartHome.Testing;

namespace SmartHome.IntegrationTests;

/// <summary>Gateway and cloud as separate hosts that talk only through a real Mosquitto broker.</summary>
public sealed class GatewayToCloudThroughMosquittoTests : IAsyncLifetime
{
    private const string HouseholdId = "it-home";
    private const string GatewayId = "it-gw";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private MosquittoDeployment _deployment = null!;

    public async Task InitializeAsync() => _deployment = await MosquittoDeployment.StartAsync(HouseholdId, GatewayId);

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task ApplianceMessages_ThroughMosquitto_UpdateTwinAndNotifyExpiringFood()
    {
        using var householder = _deployment.Cloud.Client(await _deployment.Cloud.CreateHouseholdTokenAsync(HouseholdId));
        await using var notifications = await MqttTestClient.ConnectAsync(_deployment.Broker.Port, Topics.Notifications(HouseholdId));
        await using var appliance = await MqttTestClient.ConnectAsync(_deployment.Gateway.ApplianceLinkPort);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd");
        // Householders hear of expiring food in a daily digest: due from midnight, it is made as soon as the milk is; and
        // without quiet hours it is published whatever the time of day the test runs at.
        using (var settings = await householder.PutAsJsonAsync(
            "api/v1/household/settings", new { expiringDigestAt = "00:00", notifications = new { quietHours = (object?)null } }))
        {
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        }

        await appliance.PublishAsync(Topics.ApplianceTemperature("it-fridge"), """{"sensor":"fridge","celsius":3.9}""");
        await appliance.PublishAsync(Topics.ApplianceInventory("it-fridge"),
            $$"""{"op":"added","itemId":"milk-1","name":"Milk","barcode":"4006381333931","category":"dairy","quantity":1,"unit":"l","bestBefore":"{{tomorrow}}","location":"fridge"}""");

        var twin = await Eventually.GetAsync(async () =>
        {
            var text = await householder.GetStringAsync("api/v1/household");
            return text.Contains("milk-1", StringComparison.Ordinal) && text.Contains("3.9", StringComparison.Ordinal) ? text : null;
        }, Patience, "the twin to show the milk and the fridge's temperature");
        Assert.Contains("Milk", twin, StringComparison.Ordinal);

        await Eventually.TrueAsync(
            () => notifications.Received.Any(m => m.Payload.Contains("shg.food.expiring.v1", StringComparison.Ordinal)),
            Patience, "an expiring-food notification on the household's topic");
        var stored = await householder.GetFromJsonAsync<JsonElement>("api/v1/household/notifications");
        Assert.Contains(stored.EnumerateArray(), n => n.GetProperty("type").GetString() == "shg.food.expiring.v1");
    }

    [Fact]
    public async Task MalformedApplianceMessage_IsCountedAndLaterMessagesStillFlow()
    {
        using var householder = _deployment.Cloud.Client(await _deployment.Cloud.CreateHouseholdTokenAsync(HouseholdId));
        await using var appliance = await MqttTestClient.ConnectAsync(_deployment.Gateway.ApplianceLinkPort);

        await appliance.PublishAsync(Topics.ApplianceTemperature("it-fridge"), "{not json");
        await appliance.PublishAsync(Topics.ApplianceTemperature("it-fridge"), """{"sensor":"fridge","celsius":500}""");
        await appliance.PublishAsync(Topics.ApplianceDoor("it-fridge"), """{"door":"main","state":"open"}""");

        await Eventually.TrueAsync(async () =>
            (await householder.GetStringAsync("api/v1/household")).Contains("\"open\"", StringComparison.Ordinal),
            Patience, "the door record after the rejected ones to reach the twin");
        using var http = new HttpClient();
        var health = await http.GetFromJsonAsync<JsonElement>(_deployment.Gateway.HealthAddress);
        var healthText = health.GetRawText();
        Assert.Contains("malformed-json", healthText, StringComparison.Ordinal);
        Assert.Contains("invalid-field", healthText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokerOutage_RecordsBufferedAtGateway_AllArriveAfterRestart()
    {
        using var householder = _deployment.Cloud.Client(await _deployment.Cloud.CreateHouseholdTokenAsync(HouseholdId));
        await using var appliance = await MqttTestClient.ConnectAsync(_deployment.Gateway.ApplianceLinkPort);
        await _deployment.Broker.StopAsync();

        for (var i = 0; i < 20; i++)
        {
            await appliance.PublishAsync(Topics.ApplianceInventory("it-fridge"),
                $$"""{"op":"added","itemId":"jar-{{i}}","name":"Jar {{i}}","category":"condiments","quantity":1,"location":"pantry"}""");
        }

        await _deployment.Broker.StartAsync();

        await Eventually.TrueAsync(async () =>
        {
            var text = await householder.GetStringAsync("api/v1/household");
            return Enumerable.Range(0, 20).All(i => text.Contains($"\"jar-{i}\"", StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(90), "all 20 records buffered during the outage to reach the cloud");
    }
}
