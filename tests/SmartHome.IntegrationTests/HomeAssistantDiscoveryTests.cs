using System.Text.Json;
using SmartHome.Contracts;
using SmartHome.Testing;

namespace SmartHome.IntegrationTests;

/// <summary>
/// Home Assistant MQTT discovery on the appliance link's broker: the embedded one, or a real Mosquitto as the external
/// one. A test client plays Home Assistant: it subscribes to the discovery and state topics and publishes its status.
/// </summary>
public sealed class HomeAssistantDiscoveryTests : IAsyncLifetime
{
    private const string HouseholdId = "ha-home";
    private const string GatewayId = "ha-gw";
    private const string Appliance = "ha-fridge";
    private const string Node = "shg_ha-home_ha-gw_ha-fridge";
    private const string TemperatureConfig = $"homeassistant/sensor/{Node}/temperature_fridge/config";
    private const string DoorConfig = $"homeassistant/binary_sensor/{Node}/door_main/config";
    private const string ExpiringConfig = $"homeassistant/sensor/{Node}/items_expiring/config";
    private const string Availability = $"shg-gateway/{GatewayId}/availability";
    private const int ExternalApplianceLinkSubscribed = 1004;
    private const int HomeAssistantAnnouncing = 1500;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private readonly string _outboxPath = Directory.CreateTempSubdirectory("shg-outbox-").FullName;
    private MosquittoBroker _broker = null!;
    private GatewayInstance? _gateway;
    private int _localPort;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        await _broker.DisposeAsync();
        Directory.Delete(_outboxPath, recursive: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Discovery_AppliancesSeen_RetainedConfigsAndStatesThatFollowTheRecords(bool externalBroker)
    {
        await StartGatewayAsync(externalBroker);
        await using var appliance = await MqttTestClient.ConnectAsync(_localPort);
        await using (var early = await MqttTestClient.ConnectAsync(_localPort, "homeassistant/#", $"shg-gateway/{GatewayId}/#"))
        {
            await appliance.PublishAsync(Topics.ApplianceStatus(Appliance), """{"state":"online","firmware":"1.2.0"}""");
            await appliance.PublishAsync(Topics.ApplianceTemperature(Appliance), """{"sensor":"fridge","celsius":3.9}""");
            await appliance.PublishAsync(Topics.ApplianceDoor(Appliance), """{"door":"main","state":"open"}""");
            await appliance.PublishAsync(Topics.ApplianceInventory(Appliance), Added("milk-1", Today.AddDays(1)));
            await appliance.PublishAsync(Topics.ApplianceInventory(Appliance), Added("cheese-1", Today.AddDays(10)));
            await StateAsync(early, await ConfigAsync(early, TemperatureConfig), "3.9");
            await StateAsync(early, await ConfigAsync(early, DoorConfig), "open");
            await StateAsync(early, await ConfigAsync(early, ExpiringConfig), "1");
        }

        // Home Assistant connecting now can only learn it all from the retained messages.
        await using var homeAssistant = await MqttTestClient.ConnectAsync(_localPort, "homeassistant/#", $"shg-gateway/{GatewayId}/#");

        var temperature = await ConfigAsync(homeAssistant, TemperatureConfig);
        Assert.Equal("temperature", temperature.GetProperty("device_class").GetString());
        Assert.Equal("°C", temperature.GetProperty("unit_of_measurement").GetString());
        Assert.Equal("measurement", temperature.GetProperty("state_class").GetString());
        Assert.Equal($"{Node}_temperature_fridge", temperature.GetProperty("unique_id").GetString());
        Assert.Equal(Availability, temperature.GetProperty("availability_topic").GetString());
        var device = temperature.GetProperty("device");
        Assert.Equal(Node, device.GetProperty("identifiers")[0].GetString());
        Assert.Equal(Appliance, device.GetProperty("name").GetString());
        Assert.Equal("shg_ha-home_ha-gw", device.GetProperty("via_device").GetString());
        var door = await ConfigAsync(homeAssistant, DoorConfig);
        Assert.Equal("door", door.GetProperty("device_class").GetString());
        Assert.Equal("open", door.GetProperty("payload_on").GetString());
        Assert.Equal("closed", door.GetProperty("payload_off").GetString());
        var expiring = await ConfigAsync(homeAssistant, ExpiringConfig);
        await StateAsync(homeAssistant, temperature, "3.9");
        await StateAsync(homeAssistant, door, "open");
        await StateAsync(homeAssistant, expiring, "1");
        await Eventually.TrueAsync(() => Latest(homeAssistant, Availability) == "online", Patience, "the gateway's availability online");

        await appliance.PublishAsync(Topics.ApplianceTemperature(Appliance), """{"sensor":"fridge","celsius":5.5}""");
        await appliance.PublishAsync(Topics.ApplianceDoor(Appliance), """{"door":"main","state":"closed"}""");
        await appliance.PublishAsync(Topics.ApplianceInventory(Appliance), Added("yogurt-1", Today));
        await StateAsync(homeAssistant, temperature, "5.5");
        await StateAsync(homeAssistant, door, "closed");
        await StateAsync(homeAssistant, expiring, "2");
        await appliance.PublishAsync(Topics.ApplianceInventory(Appliance), """{"op":"removed","itemId":"milk-1"}""");
        await StateAsync(homeAssistant, expiring, "1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Discovery_HomeAssistantSaysOnline_EveryConfigIsAnnouncedAgain(bool externalBroker)
    {
        await StartGatewayAsync(externalBroker);
        await using var appliance = await MqttTestClient.ConnectAsync(_localPort);
        await appliance.PublishAsync(Topics.ApplianceTemperature(Appliance), """{"sensor":"fridge","celsius":3.9}""");
        await using var homeAssistant = await MqttTestClient.ConnectAsync(_localPort, "homeassistant/+/+/+/config");
        await Eventually.TrueAsync(() => Count(homeAssistant, TemperatureConfig) >= 1 && Count(homeAssistant, ExpiringConfig) >= 1, Patience, "the first announcement");

        // Home Assistant restarted: it hears only what is published from now on (a config announced just as the first
        // subscription was made can reach that one twice, live and retained, so counting there would not tell).
        await using var restarted = await MqttTestClient.ConnectAsync(_localPort);
        await restarted.SubscribeToNewAsync("homeassistant/+/+/+/config");
        await appliance.PublishAsync("homeassistant/status", "online");

        await Eventually.TrueAsync(() => Count(restarted, TemperatureConfig) >= 1 && Count(restarted, ExpiringConfig) >= 1, Patience, "the configs announced again");
    }

    [Fact]
    public async Task Discovery_ExternalBrokerRestarted_TheStatusSubscriptionIsRestored()
    {
        await StartGatewayAsync(externalBroker: true);
        await using (var appliance = await MqttTestClient.ConnectAsync(_localPort))
        {
            await appliance.PublishAsync(Topics.ApplianceTemperature(Appliance), """{"sensor":"fridge","celsius":3.9}""");
        }

        await using (var before = await MqttTestClient.ConnectAsync(_localPort, TemperatureConfig))
        {
            await Eventually.TrueAsync(() => Count(before, TemperatureConfig) == 1, Patience, "the first announcement");
        }

        await _broker.StopAsync();
        await _broker.StartAsync();
        await using var homeAssistant = await MqttTestClient.ConnectAsync(_localPort, TemperatureConfig);

        // Home Assistant keeps saying it is online until the gateway, subscribed again after the restart, answers.
        await Eventually.TrueAsync(async () =>
        {
            await homeAssistant.PublishAsync("homeassistant/status", "online");
            return Count(homeAssistant, TemperatureConfig) >= 2;
        }, TimeSpan.FromSeconds(90), "an announcement answering Home Assistant's status after the broker restarted");
    }

    /// <summary>On an external broker only: an embedded one stops with the gateway, taking Home Assistant's connection.</summary>
    [Fact]
    public async Task Discovery_GatewayStops_AvailabilityGoesOfflineOnTheExternalBroker()
    {
        await StartGatewayAsync(externalBroker: true);
        await using var homeAssistant = await MqttTestClient.ConnectAsync(_localPort, Availability);
        await Eventually.TrueAsync(() => Latest(homeAssistant, Availability) == "online", Patience, "the gateway's availability online");

        await _gateway!.DisposeAsync();
        _gateway = null;

        await Eventually.TrueAsync(() => Latest(homeAssistant, Availability) == "offline", Patience, "the gateway's availability offline");
    }

    private static string Added(string itemId, DateOnly bestBefore) =>
        $$"""{"op":"added","itemId":"{{itemId}}","name":"{{itemId}}","category":"dairy","quantity":1,"bestBefore":"{{bestBefore:yyyy-MM-dd}}","location":"fridge"}""";

    private static string? Latest(MqttTestClient client, string topic) =>
        client.Received.LastOrDefault(m => m.Topic == topic).Payload;

    private static int Count(MqttTestClient client, string topic) => client.Received.Count(m => m.Topic == topic);

    /// <summary>The config on <paramref name="topic"/>, once it names the appliance's firmware (its status may come in last).</summary>
    private static async Task<JsonElement> ConfigAsync(MqttTestClient client, string topic)
    {
        var config = await Eventually.GetValueAsync<JsonElement>(() => Task.FromResult(
            Latest(client, topic) is { } payload
            && JsonSerializer.Deserialize<JsonElement>(payload) is var json
            && json.GetProperty("device").TryGetProperty("sw_version", out var firmware) && firmware.GetString() == "1.2.0"
                ? json
                : (JsonElement?)null), Patience, $"the config on {topic}");
        return config;
    }

    private static Task StateAsync(MqttTestClient client, JsonElement config, string expected)
    {
        var topic = config.GetProperty("state_topic").GetString()!;
        return Eventually.TrueAsync(() => Latest(client, topic) == expected, Patience, $"{expected} on {topic}");
    }

    private async Task StartGatewayAsync(bool externalBroker)
    {
        var settings = new Dictionary<string, string?>();
        if (externalBroker)
        {
            settings["SmartHome:Gateway:ApplianceLink:ExternalBroker"] = $"127.0.0.1:{_broker.Port}";
        }

        _gateway = await GatewayInstance.StartAsync(HouseholdId, GatewayId, _broker.Port, _outboxPath, settings);
        _localPort = externalBroker ? _broker.Port : _gateway.ApplianceLinkPort;

        // A broker drops what nobody subscribes to yet: wait for the gateway's subscriptions (appliance messages on an
        // external broker; Home Assistant's status on either).
        var gateway = _gateway;
        await Eventually.TrueAsync(
            () => gateway.Logs.GetSnapshot().Any(log => log.Id.Id == HomeAssistantAnnouncing)
                && (!externalBroker || gateway.Logs.GetSnapshot().Any(log => log.Id.Id == ExternalApplianceLinkSubscribed)),
            Patience, "the gateway's subscriptions on the local broker");
    }
}
