namespace SmartHome.Contracts.Events;

/// <summary>
/// An event-type filter as subscriptions and consents write it: an exact type, or a prefix ending in a single
/// trailing <c>*</c> (<c>shg.food.*</c>, or <c>*</c> for everything).
/// </summary>
public static class EventTypePattern
{
    public static bool IsValid(string pattern) =>
        !string.IsNullOrWhiteSpace(pattern)
        && pattern.Length <= 128
        && pattern.IndexOf('*', StringComparison.Ordinal) is var star
        && (star < 0 || star == pattern.Length - 1)
        && pattern.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '*');

    public static bool Matches(string pattern, string type)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(type);
        return pattern.EndsWith('*')
            ? type.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, type, StringComparison.Ordinal);
    }

    public static bool MatchesAny(IEnumerable<string> patterns, string type) => patterns.Any(p => Matches(p, type));
}
