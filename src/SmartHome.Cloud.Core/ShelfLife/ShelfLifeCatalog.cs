using System.Text.RegularExpressions;

namespace SmartHome.Cloud.Core.ShelfLife;

/// <summary>
/// A catalog over a list of entries. The name decides first, and the most specific keyword wins, so "peanut butter"
/// is not taken for butter; between keywords of equal length the one nearer the end of the name wins, as English puts
/// the food last ("pork sausages", "leftover chicken curry"); then the earlier entry. The category is the fallback.
/// </summary>
public sealed partial class ShelfLifeCatalog : IShelfLifeCatalog
{
    private readonly List<CompiledEntry> _entries;

    public ShelfLifeCatalog(IEnumerable<ShelfLifeCatalogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries.Select(e => new CompiledEntry(
            e.Figures,
            Phrases(e.Keywords),
            Phrases(e.Categories)))];
    }

    public ShelfLifeFigures? Find(string? name, string? category) =>
        BestMatch(name, e => e.Keywords) ?? BestMatch(category, e => e.Categories);

    private ShelfLifeFigures? BestMatch(string? text, Func<CompiledEntry, string[][]> phrasesOf)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = Words(text);
        ShelfLifeFigures? best = null;
        (int Length, int End) bestMatch = (0, 0);
        foreach (var entry in _entries)
        {
            foreach (var phrase in phrasesOf(entry))
            {
                if (phrase.Length < bestMatch.Length)
                {
                    continue;
                }

                var match = (phrase.Length, End: LastEnd(words, phrase));
                if (match.End > 0 && (match.Length > bestMatch.Length || match.End > bestMatch.End))
                {
                    best = entry.Figures;
                    bestMatch = match;
                }
            }
        }

        return best;
    }

    private static string[][] Phrases(IEnumerable<string> texts) => [.. texts.Select(Words).Where(words => words.Length > 0)];

    private static string[] Words(string text) =>
        [.. LetterRuns().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    /// <summary>Where the phrase's last occurrence in the words ends (one past its last word); 0 when it does not occur.</summary>
    private static int LastEnd(string[] words, string[] phrase)
    {
        for (var start = words.Length - phrase.Length; start >= 0; start--)
        {
            var matched = 0;
            while (matched < phrase.Length && SameWord(words[start + matched], phrase[matched]))
            {
                matched++;
            }

            if (matched == phrase.Length)
            {
                return start + phrase.Length;
            }
        }

        return 0;
    }

    private static bool SameWord(string word, string keyword) =>
        word.StartsWith(keyword, StringComparison.Ordinal) && word.AsSpan(keyword.Length) is "" or "s" or "es";

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex LetterRuns();

    private sealed record CompiledEntry(ShelfLifeFigures Figures, string[][] Keywords, string[][] Categories);
}
