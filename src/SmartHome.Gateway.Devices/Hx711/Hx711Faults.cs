namespace SmartHome.Gateway.Devices.Hx711;

/// <summary>The reasons an HX711 reading is reported as a fault instead of a weight.</summary>
public static class Hx711Faults
{
    /// <summary>DOUT never went low within the ready timeout: the chip is unpowered, powered down or miswired.</summary>
    public const string NotReady = "not-ready";

    /// <summary>The conversion is at the end of the range (0x7FFFFF or 0x800000): a loose or broken load-cell wire.</summary>
    public const string Saturated = "saturated";
}
