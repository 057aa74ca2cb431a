namespace SmartHome.Gateway.Mqtt;

/// <summary>
/// The client ids of the gateway's MQTT connections. Household and gateway ids cannot contain ':', so it separates them
/// unambiguously: no two gateways ever share a client id (and take over each other's session).
/// </summary>
internal static class MqttClientIds
{
    public static string Uplink(GatewayIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return $"shg:{identity.HouseholdId}:{identity.GatewayId}";
    }

    public static string ApplianceLink(GatewayIdentity identity) => Uplink(identity) + ":appliances";

    public static string HomeAssistant(GatewayIdentity identity) => Uplink(identity) + ":homeassistant";
}
