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
    public const string UplinkReplayRate = Uplink + ":ReplayRate";
    public const string UplinkBootJitter = Uplink + ":BootJitter";

    public const string ApplianceLink = Section + ":ApplianceLink";
    public const string ApplianceLinkPort = ApplianceLink + ":Port";
    public const string ApplianceLinkExternalBroker = ApplianceLink + ":ExternalBroker";

    public const string Outbox = Section + ":Outbox";
    public const string OutboxPath = Outbox + ":Path";
    public const string OutboxMaxBytes = Outbox + ":MaxBytes";
    public const string OutboxMaxAge = Outbox + ":MaxAge";
    public const string OutboxRollupInterval = Outbox + ":RollupInterval";

    public const string ClockAssumeSynced = Section + ":Clock:AssumeSynced";

    public const string Health = Section + ":Health";
    public const string HealthPort = Health + ":Port";

    public const string HomeAssistant = Section + ":HomeAssistant";
    public const string HomeAssistantDiscoveryPrefix = HomeAssistant + ":DiscoveryPrefix";
    public const string HomeAssistantExpiringWithin = HomeAssistant + ":ExpiringWithin";

    public const string Devices = Section + ":Devices";
    public const string DevicesAppliance = Devices + ":Appliance";
    public const string Ds18b20 = Devices + ":Ds18b20";
    public const string Ds18b20SysfsRoot = Ds18b20 + ":SysfsRoot";
    public const string Ds18b20Interval = Ds18b20 + ":Interval";
    public const string Ds18b20Probes = Ds18b20 + ":Probes";
    public const string DoorSwitch = Devices + ":DoorSwitch";
    public const string DoorSwitchPin = DoorSwitch + ":Pin";
    public const string DoorSwitchOpenWhen = DoorSwitch + ":OpenWhen";
    public const string DoorSwitchDebounce = DoorSwitch + ":Debounce";
    public const string DoorSwitchDoor = DoorSwitch + ":Door";
    public const string Hx711 = Devices + ":Hx711";
    public const string Hx711DataPin = Hx711 + ":DataPin";
    public const string Hx711ClockPin = Hx711 + ":ClockPin";
    public const string Hx711Gain = Hx711 + ":Gain";
    public const string Hx711CalibrationFactor = Hx711 + ":CalibrationFactor";
    public const string Hx711Offset = Hx711 + ":Offset";
    public const string Hx711TareSamples = Hx711 + ":TareSamples";
    public const string Hx711Samples = Hx711 + ":Samples";
    public const string Hx711Filter = Hx711 + ":Filter";
    public const string Hx711StableReadings = Hx711 + ":StableReadings";
    public const string Hx711Interval = Hx711 + ":Interval";
    public const string Hx711ItemId = Hx711 + ":ItemId";
    public const string Hx711ItemName = Hx711 + ":ItemName";
    public const string Hx711ItemBarcode = Hx711 + ":ItemBarcode";
    public const string Hx711ItemCategory = Hx711 + ":ItemCategory";
    public const string Hx711UnitGrams = Hx711 + ":UnitGrams";
    public const string BarcodeScanner = Devices + ":BarcodeScanner";
    public const string BarcodeScannerPath = BarcodeScanner + ":Path";
    public const string BarcodeScannerFormat = BarcodeScanner + ":Format";
    public const string BarcodeScannerCatalogPath = BarcodeScanner + ":CatalogPath";
    public const string BarcodeScannerCountsPath = BarcodeScanner + ":CountsPath";
    public const string BarcodeScannerAddCode = BarcodeScanner + ":AddCode";
    public const string BarcodeScannerRemoveCode = BarcodeScanner + ":RemoveCode";
    public const string BarcodeScannerRemoveModeTimeout = BarcodeScanner + ":RemoveModeTimeout";
}
