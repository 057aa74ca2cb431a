using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SmartHome.Gateway.Devices.Ds18b20;

/// <summary>
/// One DS18B20 temperature probe on a 1-Wire bus. Owns the bus and disposes it. A reading is either a temperature
/// or one of <see cref="Ds18b20Faults"/>, never a known fault value passed off as a temperature.
/// </summary>
public sealed class Ds18b20Sensor : IDisposable
{
    private const int PowerOnMilliCelsius = 85_000;
    private const int NoAnswerMilliCelsius = -127_000;
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly IOneWireBus _bus;

    public Ds18b20Sensor(IOneWireBus bus, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(bus);
        if (!IsDeviceId(deviceId))
        {
            throw new ArgumentException($"'{deviceId}' is not a DS18B20 device id (28- and 12 hex digits)", nameof(deviceId));
        }

        _bus = bus;
        DeviceId = deviceId;
    }

    public string DeviceId { get; }

    /// <summary>True for <c>28-</c> followed by 12 hex digits, the family code of the DS18B20 and its serial number.</summary>
    public static bool IsDeviceId([NotNullWhen(true)] string? deviceId) =>
        deviceId is { Length: 15 } && deviceId.StartsWith("28-", StringComparison.Ordinal) && deviceId.AsSpan(3).ContainsAnyExcept(HexDigits) is false;

    /// <summary>Reads the probe. True with the temperature; false with the fault reason.</summary>
    public bool TryReadTemperature(out double celsius, [NotNullWhen(false)] out string? fault)
    {
        if (!_bus.TryReadSlave(DeviceId, out var contents))
        {
            celsius = double.NaN;
            fault = Ds18b20Faults.Disconnected;
            return false;
        }

        return TryParse(contents, out celsius, out fault);
    }

    /// <summary>
    /// Parses the w1_slave format, e.g.
    /// <c>3c 01 4b 46 7f ff 04 10 f1 : crc=f1 YES</c> / <c>3c 01 4b 46 7f ff 04 10 f1 t=19750</c>.
    /// </summary>
    internal static bool TryParse(string contents, out double celsius, [NotNullWhen(false)] out string? fault)
    {
        celsius = double.NaN;
        var lines = contents.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2 || !lines[0].Contains("crc=", StringComparison.Ordinal))
        {
            fault = Ds18b20Faults.Malformed;
            return false;
        }

        if (!lines[0].EndsWith(" YES", StringComparison.Ordinal))
        {
            fault = Ds18b20Faults.CrcNotYes;
            return false;
        }

        var at = lines[1].LastIndexOf("t=", StringComparison.Ordinal);
        if (at < 0 || !int.TryParse(lines[1].AsSpan(at + 2), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliCelsius))
        {
            fault = Ds18b20Faults.Malformed;
            return false;
        }

        fault = milliCelsius switch
        {
            PowerOnMilliCelsius => Ds18b20Faults.PowerOn85,
            NoAnswerMilliCelsius => Ds18b20Faults.Minus127,
            _ => null,
        };
        if (fault is not null)
        {
            return false;
        }

        celsius = milliCelsius / 1000.0;
        return true;
    }

    public void Dispose() => _bus.Dispose();
}
