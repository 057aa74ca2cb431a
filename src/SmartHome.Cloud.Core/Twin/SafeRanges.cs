using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.Twin;

/// <summary>
/// The safe air temperature per kind of compartment. Defaults: a fridge keeps food safe at or below 5 °C (USDA says
/// 4 °C / 40 °F; 5 °C is the common European setting and leaves room for door openings) and above -1 °C, where
/// fresh food starts to freeze; a freezer at or below -15 °C (-18 °C is the target; the margin absorbs defrost
/// cycles); a pantry between 0 and 25 °C.
/// </summary>
public sealed class SafeRanges
{
    public SafeRange Fridge { get; set; } = new() { MinCelsius = -1, MaxCelsius = 5 };
    public SafeRange Freezer { get; set; } = new() { MinCelsius = -40, MaxCelsius = -15 };
    public SafeRange Pantry { get; set; } = new() { MinCelsius = 0, MaxCelsius = 25 };

    public SafeRange For(StorageLocation location) => location switch
    {
        StorageLocation.Freezer => Freezer,
        StorageLocation.Pantry => Pantry,
        _ => Fridge,
    };
}

public sealed record SafeRange
{
    public required double MinCelsius { get; init; }
    public required double MaxCelsius { get; init; }
}
