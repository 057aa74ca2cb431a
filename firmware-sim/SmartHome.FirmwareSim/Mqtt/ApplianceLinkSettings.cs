namespace SmartHome.FirmwareSim.Mqtt;

/// <summary>Where one simulated appliance connects, and under which MQTT client id.</summary>
internal sealed record ApplianceLinkSettings(string Host, int Port, string ClientId, TimeSpan ReconnectMaxDelay);
