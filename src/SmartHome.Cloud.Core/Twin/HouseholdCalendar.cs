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

    /// <summary>
    /// The instant the household's clock shows <paramref name="time"/> on <paramref name="date"/>: a time the clocks
    /// skip (spring forward) becomes the moment they jump (to the minute); a time they show twice (fall back), the first of the two.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo timeZone)
    {
        var local = date.ToDateTime(time);
        while (timeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = timeZone.IsAmbiguousTime(local) ? timeZone.GetAmbiguousTimeOffsets(local).Max() : timeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The Monday that starts the household week <paramref name="date"/> is in.</summary>
    public static DateOnly WeekStartOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
