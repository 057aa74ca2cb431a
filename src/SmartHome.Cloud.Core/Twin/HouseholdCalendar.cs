namespace SmartHome.Cloud.Core.Twin;

/// <summary>Best-before dates are calendar days in the household's own time zone.</summary>
internal static class HouseholdCalendar
{
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);

    public static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo timeZone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, timeZone.GetUtcOffset(midnight));
    }

    /// <summary>The Monday that starts the household week <paramref name="date"/> is in.</summary>
    public static DateOnly WeekStartOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
