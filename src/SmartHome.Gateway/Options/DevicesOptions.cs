using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SmartHome.Gateway.Options;

/// <summary>Sensors wired to the Pi itself (<c>SmartHome:Gateway:Devices</c>); none is enabled by default.</summary>
public sealed class DevicesOptions : IValidatableObject
{
    [Required(ErrorMessage = GatewayConfigKeys.DevicesAppliance + " is required")]
    [Identifier(ErrorMessage = GatewayConfigKeys.DevicesAppliance + " must be 1-64 characters of letters, digits, '.', '_' or '-'")]
    public string Appliance { get; set; } = "pi";

    [ValidateObjectMembers]
    public Ds18b20Options Ds18b20 { get; set; } = new();

    [ValidateObjectMembers]
    public DoorSwitchOptions DoorSwitch { get; set; } = new();

    [ValidateObjectMembers]
    public Hx711Options Hx711 { get; set; } = new();

    [ValidateObjectMembers]
    public BarcodeScannerOptions BarcodeScanner { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DoorSwitch.Enabled && Hx711.Enabled && (DoorSwitch.Pin == Hx711.DataPin || DoorSwitch.Pin == Hx711.ClockPin))
        {
            yield return new($"{GatewayConfigKeys.DoorSwitchPin} GPIO{DoorSwitch.Pin} is also an HX711 pin ({GatewayConfigKeys.Hx711DataPin}, {GatewayConfigKeys.Hx711ClockPin})", [nameof(DoorSwitch)]);
        }
    }
}

/// <summary>DS18B20 probes read through the kernel's w1 sysfs files.</summary>
public sealed class Ds18b20Options : IValidatableObject
{
    public bool Enabled { get; set; }

    public string SysfsRoot { get; set; } = Devices.Ds18b20.SysfsOneWireBus.DefaultRoot;

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Probe id (<c>28-…</c>) → sensor name.</summary>
    public Dictionary<string, string> Probes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(SysfsRoot))
        {
            yield return new($"{GatewayConfigKeys.Ds18b20SysfsRoot} is required when the probes are enabled", [nameof(SysfsRoot)]);
        }

        if (Interval < TimeSpan.FromSeconds(1) || Interval > TimeSpan.FromHours(1))
        {
            yield return new($"{GatewayConfigKeys.Ds18b20Interval} must be from 00:00:01 to 01:00:00, was {Interval}", [nameof(Interval)]);
        }

        if (Probes.Count == 0)
        {
            yield return new($"{GatewayConfigKeys.Ds18b20Probes} needs at least one probe ({GatewayConfigKeys.Ds18b20Probes}:28-xxxxxxxxxxxx = sensor name) when the probes are enabled", [nameof(Probes)]);
        }

        foreach (var (probe, sensor) in Probes)
        {
            if (!Devices.Ds18b20.Ds18b20Sensor.IsDeviceId(probe))
            {
                yield return new($"{GatewayConfigKeys.Ds18b20Probes}:{probe}: '{probe}' is not a DS18B20 id (28- and 12 hex digits)", [nameof(Probes)]);
            }

            if (!Contracts.Validation.Identifiers.IsValid(sensor))
            {
                yield return new($"{GatewayConfigKeys.Ds18b20Probes}:{probe} must be a sensor name of 1-64 characters of letters, digits, '.', '_' or '-'", [nameof(Probes)]);
            }
        }
    }
}

/// <summary>A door switch on a GPIO pin.</summary>
public sealed class DoorSwitchOptions : IValidatableObject
{
    public bool Enabled { get; set; }

    /// <summary>The BCM GPIO number.</summary>
    [Between(0, 27, ErrorMessage = GatewayConfigKeys.DoorSwitchPin + " must be a BCM GPIO number from 0 to 27")]
    public int Pin { get; set; } = 17;

    /// <summary><c>high</c> or <c>low</c>: the level that means the door is open.</summary>
    public string OpenWhen { get; set; } = "high";

    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(50);

    [Required(ErrorMessage = GatewayConfigKeys.DoorSwitchDoor + " is required")]
    [Identifier(ErrorMessage = GatewayConfigKeys.DoorSwitchDoor + " must be 1-64 characters of letters, digits, '.', '_' or '-'")]
    public string Door { get; set; } = "main";

    /// <summary>True when <see cref="OpenWhen"/> is <c>high</c>.</summary>
    internal bool OpenWhenHigh => string.Equals(OpenWhen, "high", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.Equals(OpenWhen, "high", StringComparison.OrdinalIgnoreCase) && !string.Equals(OpenWhen, "low", StringComparison.OrdinalIgnoreCase))
        {
            yield return new($"{GatewayConfigKeys.DoorSwitchOpenWhen} must be 'high' or 'low', was '{OpenWhen}'", [nameof(OpenWhen)]);
        }

        if (Debounce < TimeSpan.Zero || Debounce > TimeSpan.FromSeconds(1))
        {
            yield return new($"{GatewayConfigKeys.DoorSwitchDebounce} must be from 00:00:00 to 00:00:01, was {Debounce}", [nameof(Debounce)]);
        }
    }
}
