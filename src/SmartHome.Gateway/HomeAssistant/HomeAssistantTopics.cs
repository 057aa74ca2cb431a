using System.Text.RegularExpressions;
using SmartHome.Gateway.Mqtt;

namespace SmartHome.Gateway.HomeAssistant;

/// <summary>
/// The names the gateway uses on the local broker for Home Assistant: discovery topics by the
/// <c>{prefix}/{component}/{node_id}/{object_id}/config</c> convention, the state and availability topics it publishes,
/// and the ids of devices and entities.
/// </summary>
internal sealed partial class HomeAssistantTopics(string discoveryPrefix, GatewayIdentity identity)
{
    private readonly string _stateRoot = $"shg-gateway/{identity.GatewayId}";

    /// <summary>Where Home Assistant announces itself with <c>online</c> when it (re)starts.</summary>
    public string Status => $"{discoveryPrefix}/status";

    /// <summary>The gateway's retained <c>online</c>/<c>offline</c>, the availability of every entity.</summary>
    public string Availability => $"{_stateRoot}/availability";

    /// <summary>The device the appliances are reached through (their <c>via_device</c>).</summary>
    public string GatewayDeviceId => $"shg_{identity.HouseholdId}_{identity.GatewayId}";

    public string ClientId => MqttClientIds.HomeAssistant(identity);

    public string DeviceId(string appliance) => $"{GatewayDeviceId}_{appliance}";

    public string UniqueId(string appliance, string objectId) => $"{DeviceId(appliance)}_{objectId}";

    /// <summary>Home Assistant takes only letters, digits, '_' and '-' in node and object ids.</summary>
    public string Config(string component, string appliance, string objectId) =>
        $"{discoveryPrefix}/{component}/{IdPart(DeviceId(appliance))}/{IdPart(objectId)}/config";

    public string TemperatureState(string appliance, string sensor) => $"{_stateRoot}/{appliance}/temperature/{sensor}";

    public string DoorState(string appliance, string door) => $"{_stateRoot}/{appliance}/door/{door}";

    public string ExpiringState(string appliance) => $"{_stateRoot}/{appliance}/items-expiring";

    /// <summary>The household's notifications, as events of the gateway's own device.</summary>
    public string NotificationsConfig => $"{discoveryPrefix}/event/{IdPart(GatewayDeviceId)}/notifications/config";

    /// <summary>Not retained: an event must not happen again when Home Assistant restarts.</summary>
    public string NotificationsEvent => $"{_stateRoot}/notifications";

    public string NotificationsUniqueId => $"{GatewayDeviceId}_notifications";

    public string LastNotificationConfig => $"{discoveryPrefix}/sensor/{IdPart(GatewayDeviceId)}/last_notification/config";

    /// <summary>Retained: the last notification's event payload, its title the sensor's state and all of it its attributes.</summary>
    public string LastNotificationState => $"{_stateRoot}/last-notification";

    public string LastNotificationUniqueId => $"{GatewayDeviceId}_last_notification";

    /// <summary>
    /// Messages the embedded appliance broker routes like any broker instead of reading them as appliance messages:
    /// what this gateway publishes for Home Assistant, and Home Assistant's own status.
    /// </summary>
    public bool IsHomeAssistantTraffic(string clientId, string topic) =>
        string.Equals(clientId, ClientId, StringComparison.Ordinal) || string.Equals(topic, Status, StringComparison.Ordinal);

    private static string IdPart(string value) => NotAnIdCharacter().Replace(value, "_");

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex NotAnIdCharacter();
}
