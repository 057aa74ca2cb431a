using System.Globalization;

namespace SmartHome.Cloud.Core.ShelfLife;

/// <summary>How the reasons about temperatures say amounts: "8 hours", "1.4 days", "2 h 10 min", "9.5 °C".</summary>
internal static class ExposureWords
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>An amount of life: in hours up to a day and a half, in days (to a tenth) beyond.</summary>
    public static string Amount(TimeSpan life)
    {
        if (life.TotalHours < 36)
        {
            var hours = Math.Round(life.TotalHours);
            return hours == 1 ? "1 hour" : $"{hours.ToString("0", Invariant)} hours";
        }

        return $"{life.TotalDays.ToString("0.#", Invariant)} days";
    }

    /// <summary>A span of time to the minute.</summary>
    public static string Duration(TimeSpan span)
    {
        var minutes = (long)Math.Round(span.TotalMinutes);
        return (minutes / 60, minutes % 60) switch
        {
            (0, var m) => $"{m} min",
            (var h, 0) => $"{h} h",
            var (h, m) => $"{h} h {m} min",
        };
    }

    public static string Celsius(double celsius) => $"{celsius.ToString("0.#", Invariant)} °C";
}
