using SmartHome.Gateway.Devices.Ds18b20;
using SmartHome.Gateway.Devices.UnitTests.Support;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.Devices.UnitTests.Ds18b20;

public sealed class Ds18b20SensorTests : IDisposable
{
    private const string ProbeId = "28-0316a2791cff";
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("3875", 3.875)]
    [InlineData("-18250", -18.25)]
    [InlineData("0", 0)]
    [InlineData("84937", 84.937)]
    public void TryReadTemperature_GoodReading_ReturnsCelsius(string raw, double expected)
    {
        W1Sysfs.Write(_root.Path, ProbeId, W1Sysfs.Slave("YES", raw));
        using var sut = new Ds18b20Sensor(new SysfsOneWireBus(_root.Path), ProbeId);

        Assert.True(sut.TryReadTemperature(out var celsius, out var fault));
        Assert.Equal(expected, celsius, precision: 6);
        Assert.Null(fault);
    }

    [Theory]
    [InlineData("NO", "3875", Ds18b20Faults.CrcNotYes)]
    [InlineData("YES", "85000", Ds18b20Faults.PowerOn85)]
    [InlineData("YES", "-127000", Ds18b20Faults.Minus127)]
    public void TryReadTemperature_KnownFaultReading_ReturnsFault(string crc, string raw, string expected)
    {
        W1Sysfs.Write(_root.Path, ProbeId, W1Sysfs.Slave(crc, raw));
        using var sut = new Ds18b20Sensor(new SysfsOneWireBus(_root.Path), ProbeId);

        Assert.False(sut.TryReadTemperature(out var celsius, out var fault));
        Assert.Equal(expected, fault);
        Assert.True(double.IsNaN(celsius));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00 00 00 00 00 00 00 00 00 : crc=00 YES\n")]
    [InlineData("3c 01 : crc=f1 YES\n3c 01 t=abc\n")]
    [InlineData("garbage\nmore garbage\n")]
    public void TryReadTemperature_MalformedFile_ReturnsMalformed(string contents)
    {
        W1Sysfs.Write(_root.Path, ProbeId, contents);
        using var sut = new Ds18b20Sensor(new SysfsOneWireBus(_root.Path), ProbeId);

        Assert.False(sut.TryReadTemperature(out _, out var fault));
        Assert.Equal(Ds18b20Faults.Malformed, fault);
    }

    [Fact]
    public void TryReadTemperature_ProbeFolderMissing_ReturnsDisconnected()
    {
        using var sut = new Ds18b20Sensor(new SysfsOneWireBus(_root.Path), ProbeId);

        Assert.False(sut.TryReadTemperature(out _, out var fault));
        Assert.Equal(Ds18b20Faults.Disconnected, fault);
    }

    [Fact]
    public void TryReadTemperature_ProbeRemovedAfterGoodReading_ReturnsDisconnected()
    {
        W1Sysfs.Write(_root.Path, ProbeId, W1Sysfs.Slave("YES", "4000"));
        using var sut = new Ds18b20Sensor(new SysfsOneWireBus(_root.Path), ProbeId);
        Assert.True(sut.TryReadTemperature(out _, out _));

        Directory.Delete(Path.Combine(_root.Path, ProbeId), recursive: true);

        Assert.False(sut.TryReadTemperature(out _, out var fault));
        Assert.Equal(Ds18b20Faults.Disconnected, fault);
    }

    [Theory]
    [InlineData("28-0316a2791cff", true)]
    [InlineData("28-0316A2791CFF", true)]
    [InlineData("10-0316a2791cff", false)]
    [InlineData("28-0316a2791cf", false)]
    [InlineData("28-../../etc/xx", false)]
    [InlineData("", false)]
    public void IsDeviceId_Candidate_AcceptsOnlyDs18b20Ids(string candidate, bool expected) =>
        Assert.Equal(expected, Ds18b20Sensor.IsDeviceId(candidate));

    [Fact]
    public void Dispose_Always_DisposesTheBus()
    {
        var bus = new RecordingBus();
        var sut = new Ds18b20Sensor(bus, ProbeId);

        sut.Dispose();

        Assert.True(bus.Disposed);
    }

    private sealed class RecordingBus : IOneWireBus
    {
        public bool Disposed { get; private set; }

        public bool TryReadSlave(string deviceId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? contents)
        {
            contents = null;
            return false;
        }

        public void Dispose() => Disposed = true;
    }
}
