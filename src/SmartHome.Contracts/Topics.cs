namespace SmartHome.Contracts;

/// <summary>The MQTT topic names of the public contract (§2 appliance link, §3 uplink).</summary>
public static class Topics
{
    public const string ApplianceFilter = "appliance/+/+";
    public const string TelemetrySharedSubscription = "$share/shg-core/shg/v1/+/+/telemetry";
    public const string StatusSharedSubscription = "$share/shg-core/shg/v1/+/+/status";

    public static string ApplianceTemperature(string applianceId) => $"appliance/{applianceId}/temperature";
    public static string ApplianceDoor(string applianceId) => $"appliance/{applianceId}/door";
    public static string ApplianceInventory(string applianceId) => $"appliance/{applianceId}/inventory";
    public static string ApplianceStatus(string applianceId) => $"appliance/{applianceId}/status";

    public static string Telemetry(string householdId, string gatewayId) => $"shg/v1/{householdId}/{gatewayId}/telemetry";
    public static string GatewayStatus(string householdId, string gatewayId) => $"shg/v1/{householdId}/{gatewayId}/status";
    public static string Notifications(string householdId) => $"shg/v1/{householdId}/notifications";
    public static string PartnerEvents(string partnerId) => $"shg/v1/partners/{partnerId}/events";
    public static string PartnerNotices(string partnerId) => $"shg/v1/partners/{partnerId}/notices";

    /// <summary>Splits <c>appliance/{applianceId}/{channel}</c>; false for any other shape.</summary>
    public static bool TryParseAppliance(string topic, out string applianceId, out string channel)
    {
        ArgumentNullException.ThrowIfNull(topic);
        applianceId = channel = string.Empty;
        var parts = topic.Split('/');
        if (parts.Length != 3 || parts[0] != "appliance" || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        applianceId = parts[1];
        channel = parts[2];
        return true;
    }

    /// <summary>Splits <c>shg/v1/{householdId}/{gatewayId}/{leaf}</c>; false for any other shape.</summary>
    public static bool TryParseGateway(string topic, out string householdId, out string gatewayId, out string leaf)
    {
        ArgumentNullException.ThrowIfNull(topic);
        householdId = gatewayId = leaf = string.Empty;
        var parts = topic.Split('/');
        if (parts.Length != 5 || parts[0] != "shg" || parts[1] != "v1" || parts[2] == "partners"
            || parts[2].Length == 0 || parts[3].Length == 0)
        {
            return false;
        }

        householdId = parts[2];
        gatewayId = parts[3];
        leaf = parts[4];
        return true;
    }
}
