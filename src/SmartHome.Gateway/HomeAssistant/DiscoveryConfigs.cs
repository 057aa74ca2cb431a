using System.Text.Json.Nodes;

namespace SmartHome.Gateway.HomeAssistant;

/// <summary>
/// The discovery config payloads of Home Assistant's MQTT integration: one entity each, tied to its appliance's device
/// (reached via the gateway's), available while the gateway's availability topic says <c>online</c>.
/// </summary>
internal sealed class DiscoveryConfigs(HomeAssistantTopics topics, GatewayIdentity identity)
{
    public const string DoorOpen = "open";
    public const string DoorClosed = "closed";

    public HomeAssistantMessage Temperature(string appliance, string sensor, string? firmware)
    {
        var objectId = $"temperature_{sensor}";
        var config = Entity(appliance, objectId, $"{sensor} temperature", topics.TemperatureState(appliance, sensor), firmware);
        config["device_class"] = "temperature";
        config["unit_of_measurement"] = "°C";
        config["state_class"] = "measurement";
        return new(topics.Config("sensor", appliance, objectId), config.ToJsonString());
    }

    public HomeAssistantMessage Door(string appliance, string door, string? firmware)
    {
        var objectId = $"door_{door}";
        var config = Entity(appliance, objectId, $"{door} door", topics.DoorState(appliance, door), firmware);
        config["device_class"] = "door";
        config["payload_on"] = DoorOpen;
        config["payload_off"] = DoorClosed;
        return new(topics.Config("binary_sensor", appliance, objectId), config.ToJsonString());
    }

    public HomeAssistantMessage ItemsExpiring(string appliance, string? firmware)
    {
        const string objectId = "items_expiring";
        var config = Entity(appliance, objectId, "Items expiring", topics.ExpiringState(appliance), firmware);
        config["unit_of_measurement"] = "items";
        config["state_class"] = "measurement";
        return new(topics.Config("sensor", appliance, objectId), config.ToJsonString());
    }

    /// <summary>
    /// The household's notifications as an <c>event</c> entity of the gateway's own device, the device every
    /// appliance is reached through; its event types are the notification severities.
    /// </summary>
    public HomeAssistantMessage Notifications()
    {
        var config = Entity("Notifications", topics.NotificationsUniqueId, topics.NotificationsEvent, GatewayDevice());
        config["event_types"] = new JsonArray(NotificationEvent.EventTypes.Select(type => JsonValue.Create(type)).ToArray<JsonNode?>());
        config["icon"] = "mdi:bell-ring";
        return new(topics.NotificationsConfig, config.ToJsonString());
    }

    /// <summary>The last notification as a sensor of the gateway's device, for dashboards: its title, and all of it as attributes.</summary>
    public HomeAssistantMessage LastNotification()
    {
        var config = Entity("Last notification", topics.LastNotificationUniqueId, topics.LastNotificationState, GatewayDevice());
        config["value_template"] = "{{ value_json.title }}";
        config["json_attributes_topic"] = topics.LastNotificationState;
        config["icon"] = "mdi:bell";
        return new(topics.LastNotificationConfig, config.ToJsonString());
    }

    private JsonObject GatewayDevice() => new()
    {
        ["identifiers"] = new JsonArray(topics.GatewayDeviceId),
        ["name"] = $"SmartHome gateway {identity.GatewayId}",
        ["manufacturer"] = "SmartHomeGateway",
        ["sw_version"] = identity.Version,
    };

    private JsonObject Entity(string appliance, string objectId, string name, string stateTopic, string? firmware)
    {
        var device = new JsonObject
        {
            ["identifiers"] = new JsonArray(topics.DeviceId(appliance)),
            ["name"] = appliance,
            ["via_device"] = topics.GatewayDeviceId,
        };
        if (firmware is not null)
        {
            device["sw_version"] = firmware;
        }

        return Entity(name, topics.UniqueId(appliance, objectId), stateTopic, device);
    }

    private JsonObject Entity(string name, string uniqueId, string stateTopic, JsonObject device) =>
        new()
        {
            ["name"] = name,
            ["unique_id"] = uniqueId,
            ["state_topic"] = stateTopic,
            ["availability_topic"] = topics.Availability,
            ["payload_available"] = GatewayAvailability.Online,
            ["payload_not_available"] = GatewayAvailability.Offline,
            ["device"] = device,
            ["origin"] = new JsonObject { ["name"] = "SmartHomeGateway", ["sw_version"] = identity.Version },
        };
}
