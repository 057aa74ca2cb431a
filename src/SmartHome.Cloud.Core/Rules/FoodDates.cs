namespace SmartHome.Cloud.Core.Rules;

/// <summary>The tests the food rules judge a best-before by, shared with what householders are shown.</summary>
internal static class FoodDates
{
    /// <summary>Past its best-before: the day after it began.</summary>
    public static bool IsExpired(DateOnly bestBefore, DateOnly today) => bestBefore < today;

    /// <summary>Today or at most <paramref name="warningWindowDays"/> away.</summary>
    public static bool IsExpiring(DateOnly bestBefore, DateOnly today, int warningWindowDays) =>
        !IsExpired(bestBefore, today) && bestBefore.DayNumber - today.DayNumber <= warningWindowDays;
}
