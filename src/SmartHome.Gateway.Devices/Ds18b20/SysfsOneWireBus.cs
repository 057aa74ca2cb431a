using System.Diagnostics.CodeAnalysis;

namespace SmartHome.Gateway.Devices.Ds18b20;

/// <summary>The kernel's w1 sysfs tree: <c>{root}/{deviceId}/w1_slave</c>, root <c>/sys/bus/w1/devices</c> on a Pi.</summary>
public sealed class SysfsOneWireBus : IOneWireBus
{
    public const string DefaultRoot = "/sys/bus/w1/devices";

    private readonly string _root;

    public SysfsOneWireBus(string root = DefaultRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = root;
    }

    public bool TryReadSlave(string deviceId, [NotNullWhen(true)] out string? contents)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        if (!Ds18b20Sensor.IsDeviceId(deviceId))
        {
            throw new ArgumentException($"'{deviceId}' is not a DS18B20 device id (28- and 12 hex digits)", nameof(deviceId));
        }

        try
        {
            // The w1 driver runs the conversion (~750 ms) when the file is read; the read blocks until then.
            contents = File.ReadAllText(Path.Combine(_root, deviceId, "w1_slave"));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            contents = null;
            return false;
        }
    }

    public void Dispose()
    {
        // Nothing is held open between reads.
    }
}
