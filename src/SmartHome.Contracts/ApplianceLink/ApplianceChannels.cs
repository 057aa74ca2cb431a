namespace SmartHome.Contracts.ApplianceLink;

/// <summary>The last topic level of an appliance-link message.</summary>
public static class ApplianceChannels
{
    public const string Temperature = "temperature";
    public const string Door = "door";
    public const string Inventory = "inventory";
    public const string Status = "status";
}
