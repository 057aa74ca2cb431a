namespace SmartHome.Gateway.Options;

/// <summary>The configuration keys of contract §1, so that every validation message names the key an operator sets.</summary>
public static class GatewayConfigKeys
{
    public const string Section = "SmartHome:Gateway";
    public const string HouseholdId = Section + ":HouseholdId";
    public const string GatewayId = Section + ":GatewayId";

    public const string Uplink = Section + ":Uplink";
    public const string UplinkHost = Uplink + ":Host";
    public const string UplinkPort = Uplink + ":Port";
    public const string UplinkUsername = Uplink + ":Username";
    public const string UplinkPassword = Uplink + ":Password";
    public const string UplinkUseTls = Uplink + ":UseTls";
    public const string UplinkCaFile = Uplink + ":CaFile";
    public const string UplinkClientCertFile = Uplink + ":ClientCertFile";
    public const string UplinkClientKeyFile = Uplink + ":ClientKeyFile";

    public const string ApplianceLink = Section + ":ApplianceLink";
    public const string ApplianceLinkPort = ApplianceLink + ":Port";
    public const string ApplianceLinkExternalBroker = ApplianceLink + ":ExternalBroker";

    public const string Outbox = Section + ":Outbox";
    public const string OutboxPath = Outbox + ":Path";
    public const string OutboxMaxBytes = Outbox + ":MaxBytes";

    public const string Health = Section + ":Health";
    public const string HealthPort = Health + ":Port";
}
