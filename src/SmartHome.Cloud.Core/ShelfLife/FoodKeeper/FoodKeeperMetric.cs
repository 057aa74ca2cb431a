namespace SmartHome.Cloud.Core.ShelfLife.FoodKeeper;

/// <summary>FoodKeeper's <c>*_Metric</c> values: durations in days (a week is 7, a month 30, a year 365), and the rest.</summary>
internal static class FoodKeeperMetric
{
    /// <summary>Days per unit of a duration metric; null when the metric is not a duration.</summary>
    public static double? DaysPer(string metric) => Normalized(metric) switch
    {
        "hours" => 1.0 / 24,
        "days" => 1,
        "weeks" => 7,
        "months" => 30,
        "years" or "year" => 365,
        _ => null,
    };

    public static FoodKeeperSkip NotADuration(string metric) => Normalized(metric) switch
    {
        "not recommended" => FoodKeeperSkip.NotRecommended,
        "package use-by date" => FoodKeeperSkip.PackageUseByDate,
        "when ripe" => FoodKeeperSkip.WhenRipe,
        "indefinitely" => FoodKeeperSkip.Indefinitely,
        _ => FoodKeeperSkip.UnknownMetric,
    };

    private static string Normalized(string metric) => metric.Trim().ToLowerInvariant();
}
