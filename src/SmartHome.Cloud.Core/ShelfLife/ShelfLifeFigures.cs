using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.ShelfLife;

/// <summary>How many days a food keeps, per place, from purchase and after opening; null where the source says nothing useful.</summary>
public sealed record ShelfLifeFigures
{
    /// <summary>What the figures are for, as a householder would say it ("milk", "dairy").</summary>
    public required string Name { get; init; }

    public int? PantryDays { get; init; }
    public int? FridgeDays { get; init; }
    public int? FreezerDays { get; init; }
    public int? PantryAfterOpeningDays { get; init; }
    public int? FridgeAfterOpeningDays { get; init; }

    /// <summary>In the fridge after thawing; when unknown, the after-opening figure applies.</summary>
    public int? FridgeAfterThawingDays { get; init; }

    /// <summary>
    /// The days from purchase in a place. A food with a pantry figure and none for the fridge (sealed ketchup, jam)
    /// keeps at least as long in the fridge, so there the pantry figure stands in.
    /// </summary>
    public int? DaysIn(StorageLocation location) => location switch
    {
        StorageLocation.Pantry => PantryDays,
        StorageLocation.Freezer => FreezerDays,
        _ => FridgeDays ?? PantryDays,
    };

    public int? AfterOpeningDaysIn(StorageLocation location) => location switch
    {
        StorageLocation.Pantry => PantryAfterOpeningDays,
        StorageLocation.Fridge => FridgeAfterOpeningDays,
        _ => null,
    };
}
