using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.EndToEndTests.Dashboard;
using SmartHome.Testing;

namespace SmartHome.EndToEndTests.HomeAssistant;

/// <summary>
/// A householder notification's whole way on the embedded defaults: cloud core, cloud broker, the gateway's uplink,
/// and Home Assistant's event on the gateway's local broker.
/// </summary>
public sealed class HomeAssistantNotificationTests(AllInOneFixture fixture) : IClassFixture<AllInOneFixture>
{    private const string AllInOneGateway = "demo-gw";
    private const string WarmFridge = "e2e-ha-fridge";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FridgeRunningWarm_ReachesHomeAssistantOnTheLocalBrokerAsAnUrgentEvent()
    {
        await using var homeAssistant = await MqttTestClient.ConnectAsync(fixture.ApplianceLinkPort, "homeassistant/event/#");
        await homeAssistant.SubscribeToNewAsync($"shg-gateway/{AllInOneGateway}/notifications");

        var now = DateTimeOffset.UtcNow;
        await using (var link = await MqttTestClient.ConnectAsync(fixture.ApplianceLinkPort))
        {
            await KitchenScenario.PublishReadingAsync(link, WarmFridge, 11.0, now.AddMinutes(-15));
            await KitchenScenario.PublishReadingAsync(link, WarmFridge, 12.0, now);
        }

        using var householder = CloudApi.Client(fixture.System, fixture.System.HouseholdToken);
        var stored = await Eventually.GetAsync(async () =>
            (await householder.GetFromJsonAsync<JsonElement>("api/v1/household/notifications")).EnumerateArray()
                .Where(n => n.GetProperty("subject").GetString() == $"appliances/{WarmFridge}/fridge")
                .Select(n => n.GetProperty("id").GetString())
                .FirstOrDefault(),
            Patience, "the excursion's notification to be stored");
        var announced = await Eventually.GetAsync(
            () => Task.FromResult<string?>(homeAssistant.Received.FirstOrDefault(m => m.Topic.EndsWith("/notifications/config", StringComparison.Ordinal)).Payload),
            Patience, "the gateway's notification event entity announced to Home Assistant");
        var events = await Eventually.GetValueAsync(
            () => Task.FromResult(Events(homeAssistant).Where(e => e.GetProperty("id").GetString() == stored).Select(e => (JsonElement?)e).FirstOrDefault()),
            Patience, "the notification as a Home Assistant event");

        using var config = JsonDocument.Parse(announced);
        Assert.Contains("urgent", config.RootElement.GetProperty("event_types").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal($"shg-gateway/{AllInOneGateway}/notifications", config.RootElement.GetProperty("state_topic").GetString());
        Assert.Equal("urgent", events.GetProperty("event_type").GetString());
        Assert.Contains("running warm", events.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    private static List<JsonElement> Events(MqttTestClient homeAssistant) =>
        [.. homeAssistant.Received.Where(m => m.Topic == $"shg-gateway/{AllInOneGateway}/notifications")
            .Select(m => JsonDocument.Parse(m.Payload).RootElement.Clone())];
}
