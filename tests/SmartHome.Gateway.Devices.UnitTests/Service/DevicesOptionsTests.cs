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
        Assert.False(options.Devices.Hx711.Enabled);
        Assert.False(options.Devices.BarcodeScanner.Enabled);
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

    [Fact]
    public void Validate_ShelfEnabledWithDefaults_FailsNamingEachMissingKey()
    {
        var options = Valid();
        options.Devices.Hx711.Enabled = true;

        var message = _sut.Validate(null, options).FailureMessage;

        Assert.Contains("SmartHome:Gateway:Devices:Hx711:CalibrationFactor (raw units per gram) is required", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:Hx711:ItemId is required", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:Hx711:ItemName or SmartHome:Gateway:Devices:Hx711:ItemBarcode is required", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:Hx711:UnitGrams (the weight of one item in grams) is required", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadShelf_FailsNamingEachKey()
    {
        var options = ValidShelf();
        options.Devices.Hx711.DataPin = 30;
        options.Devices.Hx711.ClockPin = 30;
        options.Devices.Hx711.Gain = 100;
        options.Devices.Hx711.Filter = "mode";
        options.Devices.Hx711.Samples = 0;
        options.Devices.Hx711.Interval = TimeSpan.FromMilliseconds(10);

        var message = _sut.Validate(null, options).FailureMessage;

        Assert.Contains("SmartHome:Gateway:Devices:Hx711:DataPin must be a BCM GPIO number", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:Hx711:ClockPin must differ from SmartHome:Gateway:Devices:Hx711:DataPin", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:Hx711:Gain must be 128, 64 or 32", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:Hx711:Filter must be 'median' or 'average'", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:Hx711:Samples must be from 1 to 50", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:Hx711:Interval must be from", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShelfConfigured_Succeeds()
    {
        var options = ValidShelf();

        Assert.True(_sut.Validate(null, options).Succeeded);
        Assert.Equal(Devices.Hx711.Hx711Gain.ChannelA128, options.Devices.Hx711.GainSetting);
    }

    [Fact]
    public void Validate_DoorSwitchOnAnHx711Pin_FailsNamingBothKeys()
    {
        var options = ValidShelf();
        options.Devices.DoorSwitch.Enabled = true;
        options.Devices.DoorSwitch.Pin = options.Devices.Hx711.ClockPin;

        Assert.Contains("SmartHome:Gateway:Devices:DoorSwitch:Pin GPIO6 is also an HX711 pin", _sut.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ScannerEnabledWithoutPath_FailsNamingTheKey()
    {
        var options = Valid();
        options.Devices.BarcodeScanner.Enabled = true;

        Assert.Contains("SmartHome:Gateway:Devices:BarcodeScanner:Path is required", _sut.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadScanner_FailsNamingEachKey()
    {
        var options = Valid();
        options.Devices.BarcodeScanner.Enabled = true;
        options.Devices.BarcodeScanner.Path = "/dev/input/event0";
        options.Devices.BarcodeScanner.Format = "hid";
        options.Devices.BarcodeScanner.CatalogPath = "/nonexistent/catalog.json";
        options.Devices.BarcodeScanner.RemoveCode = "add";
        options.Devices.BarcodeScanner.RemoveModeTimeout = TimeSpan.Zero;
        options.Devices.BarcodeScanner.CountsPath = " ";

        var message = _sut.Validate(null, options).FailureMessage;

        Assert.Contains("SmartHome:Gateway:Devices:BarcodeScanner:Format must be 'evdev' or 'text'", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:BarcodeScanner:CatalogPath names no file: /nonexistent/catalog.json", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:BarcodeScanner:RemoveCode must differ from SmartHome:Gateway:Devices:BarcodeScanner:AddCode", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:BarcodeScanner:RemoveModeTimeout must be from", message, StringComparison.Ordinal);
        Assert.Contains("SmartHome:Gateway:Devices:BarcodeScanner:CountsPath is required", message, StringComparison.Ordinal);
    }

    private static GatewayOptions ValidShelf()
    {
        var options = Valid();
        var shelf = options.Devices.Hx711;
        shelf.Enabled = true;
        shelf.CalibrationFactor = 420.5;
        shelf.ItemId = "eggs-shelf";
        shelf.ItemName = "Eggs";
        shelf.UnitGrams = 60;
        return options;
    }

    private static GatewayOptions Valid() => new() { HouseholdId = "home-1", GatewayId = "gw-1" };
}
