using System.Diagnostics.CodeAnalysis;

namespace SmartHome.Gateway.Devices.Ds18b20;

/// <summary>A 1-Wire bus as the kernel's w1 driver presents it: one text file per slave device.</summary>
public interface IOneWireBus : IDisposable
{
    /// <summary>
    /// Reads the slave file of <paramref name="deviceId"/> (e.g. <c>28-0316a2791cff</c>). False when the device is not
    /// on the bus or its file cannot be read, which is how a disconnected probe shows.
    /// </summary>
    bool TryReadSlave(string deviceId, [NotNullWhen(true)] out string? contents);
}
