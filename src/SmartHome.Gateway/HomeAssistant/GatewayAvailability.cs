namespace SmartHome.Gateway.HomeAssistant;

/// <summary>The payloads of the gateway's availability topic (Home Assistant's defaults), and of Home Assistant's own status.</summary>
internal static class GatewayAvailability
{
    public const string Online = "online";
    public const string Offline = "offline";
}
