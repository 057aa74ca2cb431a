using System.Security.Cryptography;

namespace SmartHome.AllInOne;

/// <summary>
/// The embedded defaults of the all-in-one system, each overridable with the usual configuration keys
/// (arguments such as <c>--SmartHome:Cloud:Broker:Port=2883</c>, or <c>SmartHome__...</c> environment variables).
/// </summary>
internal sealed record AllInOneSettings
{
    public const string HouseholdId = "demo";
    public const string GatewayId = "demo-gw";
    public const string ApplianceId = "demo-fridge";

    public required string AdminKey { get; init; }
    public required bool AdminKeyGenerated { get; init; }
    public required int BrokerPort { get; init; }
    public required int ApplianceLinkPort { get; init; }
    public required string DataPath { get; init; }

    public static AllInOneSettings From(IConfiguration configuration)
    {
        var adminKey = configuration["SmartHome:Cloud:AdminKey"];
        return new AllInOneSettings
        {
            AdminKey = string.IsNullOrEmpty(adminKey) ? "adm_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) : adminKey,
            AdminKeyGenerated = string.IsNullOrEmpty(adminKey),
            BrokerPort = configuration.GetValue("SmartHome:Cloud:Broker:Port", 1883),
            ApplianceLinkPort = configuration.GetValue("SmartHome:Gateway:ApplianceLink:Port", 1884),
            DataPath = Path.GetFullPath(configuration["SmartHome:AllInOne:DataPath"] ?? "allinone-data"),
        };
    }

    /// <summary>What the cloud host gets unless configuration says otherwise.</summary>
    public Dictionary<string, string?> CloudDefaults() => new()
    {
        ["SmartHome:Cloud:AdminKey"] = AdminKey,
        ["SmartHome:Cloud:Broker:Embedded"] = "true",
        ["SmartHome:Cloud:Broker:Port"] = BrokerPort.ToString(),
        ["SmartHome:Cloud:Storage:ConnectionString"] = $"Data Source={Path.Combine(DataPath, "cloud.db")}",
        ["SmartHome:Cloud:Delivery:AllowPrivateNetworks"] = "true",
    };

    /// <summary>What the gateway host gets unless configuration says otherwise.</summary>
    public Dictionary<string, string?> GatewayDefaults() => new()
    {
        ["SmartHome:Gateway:HouseholdId"] = HouseholdId,
        ["SmartHome:Gateway:GatewayId"] = GatewayId,
        ["SmartHome:Gateway:Uplink:Host"] = "127.0.0.1",
        ["SmartHome:Gateway:Uplink:Port"] = BrokerPort.ToString(),
        // One gateway next to its own broker: there is no fleet to spread out, and the demo should start at once.
        ["SmartHome:Gateway:Uplink:BootJitter"] = "00:00:00",
        ["SmartHome:Gateway:ApplianceLink:Port"] = ApplianceLinkPort.ToString(),
        ["SmartHome:Gateway:Outbox:Path"] = Path.Combine(DataPath, "gateway-outbox"),

        // The gateway and the cloud share this machine's clock, so the gateway's times are as right as the cloud's.
        ["SmartHome:Gateway:Clock:AssumeSynced"] = "true",
    };

    /// <summary>What the simulated fridge gets unless configuration says otherwise.</summary>
    public Dictionary<string, string?> SimulatorDefaults() => new()
    {
        ["SmartHome:FirmwareSim:Host"] = "127.0.0.1",
        ["SmartHome:FirmwareSim:Port"] = ApplianceLinkPort.ToString(),
        ["SmartHome:FirmwareSim:ApplianceId"] = ApplianceId,
    };
}
