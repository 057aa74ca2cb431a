using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.Twin;

/// <summary>
/// The temperatures an item lived through during its current stay (since it was added or last moved). The
/// compartment's history is bounded, so the part of the stay that is about to fall out of it is folded into
/// <see cref="Settled"/> first; the rest is recomputed from the history each time, so late readings still count.
/// </summary>
public sealed class ItemExposure
{
    /// <summary>The stay: the item's appliance and place, and since when (the item's <c>LocationSince</c>).</summary>
    public required string ApplianceId { get; init; }

    public required StorageLocation Location { get; init; }
    public required DateTimeOffset Since { get; init; }

    /// <summary>The stay up to this moment is in <see cref="Settled"/>; its history slots are gone.</summary>
    public required DateTimeOffset SettledUntil { get; set; }

    public TemperatureDose Settled { get; set; } = TemperatureDose.None;

    /// <summary>The food's estimated temperature at <see cref="SettledUntil"/>; null before the stay's first reading.</summary>
    public double? SettledFoodCelsius { get; set; }

    /// <summary>The whole stay so far, as of the last evaluation.</summary>
    public TemperatureDose Total { get; set; } = TemperatureDose.None;
}
