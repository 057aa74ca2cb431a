using System.Globalization;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>Reads the spans people type: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>, a bare number of seconds, or <c>hh:mm:ss</c>.</summary>
internal static class DurationParser
{
    private static readonly (string Suffix, Func<double, TimeSpan> Create)[] Units =
    [
        ("ms", TimeSpan.FromMilliseconds),
        ("s", TimeSpan.FromSeconds),
        ("m", TimeSpan.FromMinutes),
        ("h", TimeSpan.FromHours),
    ];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
        }

        var (number, create) = Units.Where(u => text.EndsWith(u.Suffix, StringComparison.OrdinalIgnoreCase))
            .Select(u => (text[..^u.Suffix.Length], u.Create))
            .FirstOrDefault((text, TimeSpan.FromSeconds));
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 1e7)
        {
            return false;
        }

        duration = create(value);
        return true;
    }
}
