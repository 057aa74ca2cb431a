using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Contracts.Events;

/// <summary>The <c>data</c> of <c>shg.food.expiring.v1</c>, <c>shg.food.expired.v1</c> and <c>shg.food.unsafe.v1</c>.</summary>
public sealed record FoodEventData
{
    public required string ItemId { get; init; }
    public required string Name { get; init; }
    public string? Category { get; init; }
    public StorageLocation? Location { get; init; }
    public double? Quantity { get; init; }
    public string? Unit { get; init; }

    /// <summary>The best-before the household should act on: the estimate when there is one, else the label's.</summary>
    public required DateOnly BestBefore { get; init; }

    public DateOnly? LabelBestBefore { get; init; }
    public bool Estimated { get; init; }

    /// <summary>Why the item is unsafe, in words (unsafe events only).</summary>
    public string? Reason { get; init; }
}
