namespace SmartHome.Contracts.Events;

/// <summary>The <c>data</c> of <c>shg.diet.weekly-summary.v1</c>: what was eaten, by category, over one week.</summary>
public sealed record DietWeeklySummaryData
{
    public required DateOnly WeekStart { get; init; }
    public required IReadOnlyList<CategoryConsumption> Categories { get; init; }
}

public sealed record CategoryConsumption
{
    public required string Category { get; init; }
    public required double Quantity { get; init; }
    public required int Items { get; init; }
}
