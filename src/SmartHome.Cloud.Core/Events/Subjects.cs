namespace SmartHome.Cloud.Core.Events;

/// <summary>The CloudEvents <c>subject</c> values the core writes.</summary>
internal static class Subjects
{
    /// <summary>Shortfalls against a minimum-stock setting: <c>stock/{key}</c>, the key of <see cref="Twin.MinimumStock.Key"/>.</summary>
    public const string StockPrefix = "stock/";

    public static string Stock(string minimumKey) => StockPrefix + minimumKey;

    public static string Item(string itemId) => $"items/{itemId}";

    public static string Appliance(string applianceId) => $"appliances/{applianceId}";

    public static string Compartment(string applianceId, string sensor) => $"appliances/{applianceId}/{sensor}";

    public static string Door(string applianceId, string door) => $"appliances/{applianceId}/doors/{door}";

    public static string Gateway(string gatewayId) => $"gateways/{gatewayId}";
}
