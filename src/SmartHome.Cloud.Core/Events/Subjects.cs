namespace SmartHome.Cloud.Core.Events;

/// <summary>The CloudEvents <c>subject</c> values the core writes.</summary>
internal static class Subjects
{
    public static string Item(string itemId) => $"items/{itemId}";

    public static string Appliance(string applianceId) => $"appliances/{applianceId}";

    public static string Compartment(string applianceId, string sensor) => $"appliances/{applianceId}/{sensor}";

    public static string Door(string applianceId, string door) => $"appliances/{applianceId}/doors/{door}";

    public static string Gateway(string gatewayId) => $"gateways/{gatewayId}";
}
