using System.ComponentModel.DataAnnotations;

namespace SmartHome.FirmwareSim.Appliances.Fridge;

/// <summary>Where the simulated fridge connects and how it behaves; bound from <c>SmartHome:FirmwareSim</c>.</summary>
public sealed class FridgeSimulatorOptions : IValidatableObject
{
    public const string SectionName = "SmartHome:FirmwareSim";

    /// <summary>The gateway's appliance link.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "SmartHome:FirmwareSim:Host is required")]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The appliance link's port: 1884 is the gateway's embedded listener.</summary>
    public int Port { get; set; } = 1884;

    /// <summary>The <c>{applianceId}</c> of the topics: 1-64 characters of letters, digits, '.', '_' or '-'.</summary>
    [Required(ErrorMessage = "SmartHome:FirmwareSim:ApplianceId is required")]
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "SmartHome:FirmwareSim:ApplianceId must be 1-64 letters, digits, '.', '_' or '-'")]
    public string ApplianceId { get; set; } = "demo-fridge";

    /// <summary>The same seed and start time give the same messages.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How often both compartments report their temperature.</summary>
    public TimeSpan TemperatureInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long, on average, between two openings of the door.</summary>
    public TimeSpan DoorOpeningMeanInterval { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>What the retained status message reports as the firmware version.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "SmartHome:FirmwareSim:Firmware is required")]
    [MaxLength(64, ErrorMessage = "SmartHome:FirmwareSim:Firmware must be at most 64 characters")]
    public string Firmware { get; set; } = "1.0.0-sim";

    /// <summary>The longest wait between two attempts to reach the appliance link.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    // Ranges are checked here because the options validator generator's [Range] drops custom messages, and a message must name the key.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Port is < 1 or > 65535)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(Port)} must be from 1 to 65535, was {Port}", [nameof(Port)]);
        }

        var ranges = new (string Name, TimeSpan Value, TimeSpan Min, TimeSpan Max, string Allowed)[]
        {
            (nameof(TemperatureInterval), TemperatureInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromHours(1), "from 50 ms to 1 hour"),
            (nameof(DoorOpeningMeanInterval), DoorOpeningMeanInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), "from 1 second to 1 day"),
            (nameof(ReconnectMaxDelay), ReconnectMaxDelay, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10), "from 100 ms to 10 minutes"),
        };

        foreach (var (name, value, min, max, allowed) in ranges)
        {
            if (value < min || value > max)
            {
                yield return new ValidationResult($"{SectionName}:{name} must be {allowed}, was {value}", [name]);
            }
        }
    }
}
