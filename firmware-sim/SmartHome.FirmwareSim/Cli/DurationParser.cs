using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>
/// Reads the spans people type: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>, <c>7d</c>, combinations from the largest
/// unit down such as <c>1d6h</c> or <c>2h30m</c>, a bare number of seconds, or <c>hh:mm:ss</c>.
/// </summary>
internal static partial class DurationParser
{
    private const double MaxSeconds = 1e7;

    public static bool TryParse(string text, out TimeSpan duration) => TryParse(text, allowZero: false, out duration);

    /// <param name="text">The written time.</param>
    /// <param name="allowZero">Whether <c>0s</c> counts: a moment (a scenario's <c>at</c>) may be the very start, a span may not be empty.</param>
    /// <param name="duration">The time read.</param>
    public static bool TryParse(string text, bool allowZero, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = default;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && IsAllowed(duration, allowZero);
        }

        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bareSeconds))
        {
            duration = TimeSpan.FromSeconds(Math.Min(bareSeconds, MaxSeconds + 1));
            return IsAllowed(duration, allowZero);
        }

        var match = Written().Match(text);
        if (!match.Success)
        {
            return false;
        }

        foreach (var (group, unit) in new[] { ("d", TimeSpan.FromDays(1)), ("h", TimeSpan.FromHours(1)), ("m", TimeSpan.FromMinutes(1)), ("s", TimeSpan.FromSeconds(1)), ("ms", TimeSpan.FromMilliseconds(1)) })
        {
            if (match.Groups[group].Success)
            {
                duration += unit * Math.Min(double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture), MaxSeconds + 1);
            }
        }

        return IsAllowed(duration, allowZero);
    }

    private static bool IsAllowed(TimeSpan duration, bool allowZero) =>
        (duration > TimeSpan.Zero || (allowZero && duration == TimeSpan.Zero)) && duration.TotalSeconds <= MaxSeconds;

    // Each unit at most once, largest first; the empty string matches nothing because at least one group must be present (checked by the lookahead).
    [GeneratedRegex(@"^(?=\d)(?:(?<d>\d+(?:\.\d+)?)d)?(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m(?!s))?(?:(?<s>\d+(?:\.\d+)?)s)?(?:(?<ms>\d+(?:\.\d+)?)ms)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Written();
}
