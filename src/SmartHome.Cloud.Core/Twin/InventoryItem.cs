using System.Text.Json.Serialization;
using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.Twin;

public sealed class InventoryItem
{
    public required string ItemId { get; init; }
    public required string ApplianceId { get; set; }
    public string? Name { get; set; }
    public string? Barcode { get; set; }
    public string? Category { get; set; }
    public double Quantity { get; set; } = 1;
    public string? Unit { get; set; }
    public StorageLocation Location { get; set; } = StorageLocation.Fridge;

    /// <summary>Event time of the move into <see cref="Location"/> (or of adding).</summary>
    public DateTimeOffset LocationSince { get; set; }

    public required DateTimeOffset AddedAt { get; init; }
    public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>When it last went into the freezer, and when it last came out.</summary>
    public DateTimeOffset? FrozenAt { get; set; }

    public DateTimeOffset? ThawedAt { get; set; }

    /// <summary>
    /// Every move in event time, the place it was added first; null until it first moves. <see cref="Location"/>,
    /// <see cref="LocationSince"/>, <see cref="FrozenAt"/> and <see cref="ThawedAt"/> follow from it, so a late move lands in its place.
    /// </summary>
    public List<InventoryOpRecord>? Moves { get; set; }

    /// <summary>Event time of the newest repeated "added": the quantity it set already counts what was used or removed before.</summary>
    public DateTimeOffset? RestockedAt { get; set; }

    /// <summary>The best-before printed on the label, if the appliance read one.</summary>
    public DateOnly? BestBefore { get; set; }

    /// <summary>
    /// The best-before to act on: the label's, or the shelf-life model's estimate when there is no label or storage
    /// (opening, freezing, thawing) moved it. Null when neither is known.
    /// </summary>
    public DateOnly? EstimatedBestBefore { get; set; }

    /// <summary>True when <see cref="EstimatedBestBefore"/> is not simply the label's date.</summary>
    public bool Estimated { get; set; }

    /// <summary>Why <see cref="EstimatedBestBefore"/> differs from the label, in words.</summary>
    public string? EstimateReason { get; set; }

    /// <summary>
    /// Event time of the record <see cref="EstimatedBestBefore"/> follows from (adding, or the move, freezing, thawing
    /// or opening that set it); refreshed with the estimate before the rules run.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? EstimateSince { get; set; }

    /// <summary>The temperatures of its current stay, as far as the compartment's history tells.</summary>
    public ItemExposure? Exposure { get; set; }

    /// <summary>Why temperature abuse made it unsafe to eat, in words; null while it is not. Set once, never cleared.</summary>
    public string? UnsafeReason { get; set; }

    /// <summary>Event time of the newest record about the item.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The best-before dates already reported as expiring and as expired, so each is reported once.</summary>
    public DateOnly? ExpiringReportedFor { get; set; }

    public DateOnly? ExpiredReportedFor { get; set; }

    [JsonIgnore]
    public string DisplayName => Name ?? Barcode ?? ItemId;
}
