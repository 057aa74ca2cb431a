namespace SmartHome.Gateway.Devices.Ds18b20;

/// <summary>The reasons a DS18B20 reading is reported as a fault instead of a temperature.</summary>
public static class Ds18b20Faults
{
    /// <summary>The CRC line does not end in <c>YES</c>: the transfer over the wire was corrupted.</summary>
    public const string CrcNotYes = "crc-not-yes";

    /// <summary>Exactly 85 °C: the scratchpad's power-on value, read before a conversion completed (brown-out, bad power).</summary>
    public const string PowerOn85 = "power-on-85";

    /// <summary>−127 °C: the driver's value when the probe did not answer.</summary>
    public const string Minus127 = "minus-127";

    /// <summary>The probe's file is missing or unreadable: the probe is not on the bus.</summary>
    public const string Disconnected = "disconnected";

    /// <summary>The file does not have the two-line <c>crc=.. YES</c> / <c>t=..</c> format.</summary>
    public const string Malformed = "malformed";
}
