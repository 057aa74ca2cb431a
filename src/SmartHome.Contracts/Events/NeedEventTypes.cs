namespace SmartHome.Contracts.Events;

/// <summary>The CloudEvents <c>type</c> values of contract §4.</summary>
public static class NeedEventTypes
{
    public const string FoodExpiring = "shg.food.expiring.v1";
    public const string FoodExpired = "shg.food.expired.v1";
    public const string FoodUnsafe = "shg.food.unsafe.v1";
    public const string StockLow = "shg.stock.low.v1";
    public const string TemperatureExcursion = "shg.appliance.temperature-excursion.v1";
    public const string DoorLeftOpen = "shg.appliance.door-left-open.v1";
    public const string ApplianceOffline = "shg.appliance.offline.v1";
    public const string DietWeeklySummary = "shg.diet.weekly-summary.v1";

    public static IReadOnlyList<string> All { get; } =
    [
        FoodExpiring, FoodExpired, FoodUnsafe, StockLow, TemperatureExcursion, DoorLeftOpen, ApplianceOffline, DietWeeklySummary,
    ];

    /// <summary>Events a householder hears about directly (the rest are for partners).</summary>
    public static bool IsHouseholdFacing(string type) => type is FoodExpiring or FoodExpired or FoodUnsafe
        or TemperatureExcursion or DoorLeftOpen or ApplianceOffline;
}
