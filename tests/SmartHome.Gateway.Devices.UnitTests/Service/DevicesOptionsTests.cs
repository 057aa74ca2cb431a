using SmartHome.Gateway.Options;

namespace SmartHome.Gateway.Devices.UnitTests.Service;

public sealed class DevicesOptionsTests
{
    private readonly GatewayOptionsValidator _sut = new();

    [Fact]
    public void Validate_Defaults_SucceedWithNothingEnabled()
    {
        var options = Valid();

        Assert.True(_sut.Validate(null, options).Succeeded);
        Assert.False(options.Devices.Ds18b20.Enabled);
        Assert.False(options.Devices.DoorSwitch.Enabled);
    }

    [Fact]
    public void Validate_ProbesEnabledWithoutProbes_FailsNamingTheKey()
    {
        var options = Valid();
        options.Devices.Ds18b20.Enabled = true;

        Assert.Contains("SmartHome:Gateway:Devices:Ds18b20:Probes needs at least one probe", _sut.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("28-xyz", "fridge", "SmartHome:Gateway:Devices:Ds18b20:Probes:28-xyz: '28-xyz' is not a DS18B20 id")]
    [InlineData("28-0316a2791cff", "fridge probe", "SmartHome:Gateway:Devices:Ds18b20:Probes:28-0316a2791cff must be a sensor name")]
    public void Validate_BadProbe_FailsNamingTheKey(string probe, string sensor, string expected)
    {
        var options = Valid();
        options.Devices.Ds18b20.Enabled = true;
        options.Devices.Ds18b20.Probes[probe] = sensor;

        Assert.Contains(expected, _sut.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IntervalTooShort_FailsNamingTheKey()
    {
        var options = Valid();
        options.Devices.Ds18b20.Enabled = true;
        options.Devices.Ds18b20.Probes["28-0316a2791cff"] = "fridge";
        options.Devices.Ds18b20.Interval = TimeSpan.FromMilliseconds(100);

        Assert.Contains("SmartHome:Gateway:Devices:Ds18b20:Interval must be from", _sut.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadDoorSwitch_FailsNamingEachKey()
    {
        var options = Valid();
        options.Devices.DoorSwitch.Enabled = true;
        options.Devices.DoorSwitch.Pin = 40;
        options.Devices.DoorSwitch.OpenWhen = "sideways";
        options.Devices.DoorSwitch.Debounce = TimeSpan.FromSeconds(5);
        options.Devices.DoorSwitch.Door = "front door";

        var message = _sut.Validate(null, options).FailureMessage;

        Assert.Contains("SmartHome:Gateway:Devices:DoorSwitch:Pin must be a BCM GPIO number", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:DoorSwitch:OpenWhen must be 'high' or 'low'", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:DoorSwitch:Debounce must be from", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:DoorSwitch:Door must be 1-64 characters", message, StringComparison.Ordinal);
    }

    private static GatewayOptions Valid() => new() { HouseholdId = "home-1", GatewayId = "gw-1" };
}
