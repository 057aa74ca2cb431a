namespace SmartHome.Cloud.Core.Twin;

/// <summary>What was consumed, per household week (Monday 00:00 local to the next), until the week is summarised.</summary>
public sealed class DietLog
{
    public List<DietWeek> Weeks { get; set; } = [];

    /// <summary>The start of the newest week already summarised: later consumption in it or before is not counted.</summary>
    public DateOnly? SummarizedThrough { get; set; }
}

public sealed class DietWeek
{
    public required DateOnly WeekStart { get; init; }
    public List<DietCategory> Categories { get; set; } = [];
}

public sealed class DietCategory
{
    public required string Category { get; init; }

    /// <summary>Kilograms, a litre counting as a kilogram; pieces and unknown units add nothing here.</summary>
    public double Kilograms { get; set; }

    /// <summary>The different items it came from.</summary>
    public List<string> ItemIds { get; set; } = [];
}
