using System.Text.Json;
using SmartHome.Contracts;
using SmartHome.Contracts.Notifications;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.HomeAssistant;

/// <summary>
/// The whole gateway: a notification the cloud publishes to the household's topic becomes one Home Assistant event on
/// the appliance link's broker (here the embedded one), announced by discovery as an event entity of the gateway.
/// </summary>
public sealed class NotificationsToHomeAssistantTests : IDisposable
{
    private const string EventTopic = "shg-gateway/gw-1/notifications";
    private const string ConfigTopic = "homeassistant/event/shg_home-1_gw-1/notifications/config";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly TempDirectory _directory = new();
    private readonly int _appliancePort = FreePort.Next();
    private readonly int _healthPort = FreePort.Next();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CloudNotification_PublishedTwice_ReachesHomeAssistantAsOneEvent_WithTheEntityAnnounced()
    {
        await using var cloud = await EmbeddedMqttBroker.StartNewAsync();
        var topic = Topics.Notifications("home-1");
        await using var sut = TestGatewayHost.Build(_directory.Path, _appliancePort, _healthPort, new() { ["SmartHome:Gateway:Uplink:Port"] = TestGatewayHost.Port(cloud.Port) });
        await sut.StartAsync();
        await using var events = await TestSubscriber.ConnectAsync(_appliancePort, EventTopic);
        await using var discovery = await TestSubscriber.ConnectAsync(_appliancePort, "homeassistant/#");
        await Eventually.TrueAsync(() => cloud.Subscriptions(topic) > 0, Timeout, "the gateway to subscribe to its notifications");
        await using var core = await MqttTestClient.ConnectAsync(cloud.Port);
        var urgent = Guid.NewGuid();
        var info = Guid.NewGuid();

        await core.PublishAsync(topic, TestData.NotificationJson(urgent));
        await core.PublishAsync(topic, TestData.NotificationJson(urgent));
        await core.PublishAsync(topic, TestData.NotificationJson(info, NotificationSeverity.Info));

        await Eventually.TrueAsync(() => events.Received.Count == 2, Timeout, "both events");
        var received = events.Received.ToList();
        Assert.All(received, message => Assert.False(message.Retain));
        using var first = JsonDocument.Parse(received[0].Payload);
        var payload = first.RootElement;
        Assert.Equal("urgent", payload.GetProperty("event_type").GetString());
        Assert.Equal("Fridge running warm", payload.GetProperty("title").GetString());
        Assert.StartsWith("The fridge has been above 8 °C", payload.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("shg.appliance.temperature-excursion.v1", payload.GetProperty("type").GetString());
        Assert.Equal("demo-fridge/fridge", payload.GetProperty("subject").GetString());
        Assert.Equal(urgent, payload.GetProperty("id").GetGuid());
        Assert.Equal(TestData.Start, payload.GetProperty("at").GetDateTimeOffset());
        using var second = JsonDocument.Parse(received[1].Payload);
        Assert.Equal(info, second.RootElement.GetProperty("id").GetGuid());
        Assert.Equal("info", second.RootElement.GetProperty("event_type").GetString());

        // Retained: the copy at subscribe time, or the live one, or both if they crossed.
        var config = Assert.IsType<ReceivedMessage>(discovery.On(ConfigTopic).LastOrDefault());
        Assert.True(config.Retain);
        using var configJson = JsonDocument.Parse(config.Payload);
        var entity = configJson.RootElement;
        Assert.Equal(EventTopic, entity.GetProperty("state_topic").GetString());
        Assert.Equal(["urgent", "warning", "info"], entity.GetProperty("event_types").EnumerateArray().Select(type => type.GetString()));
        Assert.Equal("shg_home-1_gw-1_notifications", entity.GetProperty("unique_id").GetString());
        Assert.Equal("shg-gateway/gw-1/availability", entity.GetProperty("availability_topic").GetString());
        Assert.Equal("shg_home-1_gw-1", entity.GetProperty("device").GetProperty("identifiers")[0].GetString());

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_healthPort}") };
        // Counted once the local broker acknowledged the event, which may be just after the subscriber got it.
        await Eventually.TrueAsync(
            async () => (await TestGatewayHost.HealthAsync(http)).GetProperty("notifications").GetProperty("publishedToHomeAssistant").GetInt64() == 2,
            Timeout,
            "health to count both events");
        var health = (await TestGatewayHost.HealthAsync(http)).GetProperty("notifications");
        Assert.Equal(2, health.GetProperty("accepted").GetInt64());
        Assert.Equal(1, health.GetProperty("duplicates").GetInt64());
        await sut.StopAsync();
    }
}
