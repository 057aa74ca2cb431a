namespace SmartHome.FirmwareSim.Mqtt;

/// <summary>Where the simulated appliance stands with the gateway's appliance link.</summary>
public enum ApplianceLinkState
{
    Disconnected,
    Trying,
    Connected,
}
