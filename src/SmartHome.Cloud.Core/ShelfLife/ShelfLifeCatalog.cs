using System.Text.RegularExpressions;

namespace SmartHome.Cloud.Core.ShelfLife;

/// <summary>
/// A catalog over a list of entries. The name decides first, and the most specific keyword wins, so "peanut butter"
/// is not taken for butter; the category is the fallback.
/// </summary>
public sealed partial class ShelfLifeCatalog : IShelfLifeCatalog
{
    private readonly List<CompiledEntry> _entries;

    public ShelfLifeCatalog(IEnumerable<ShelfLifeCatalogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries.Select(e => new CompiledEntry(
            e.Figures,
            [.. e.Keywords.Select(Words)],
            [.. e.Categories.Select(Words)]))];
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
        var bestLength = 0;
        foreach (var entry in _entries)
        {
            foreach (var phrase in phrasesOf(entry))
            {
                if (phrase.Length > bestLength && ContainsPhrase(words, phrase))
                {
                    best = entry.Figures;
                    bestLength = phrase.Length;
                }
            }
        }

        return best;
    }

    private static string[] Words(string text) =>
        [.. LetterRuns().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    private static bool ContainsPhrase(string[] words, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= words.Length; start++)
        {
            if (phrase.Select((keyword, i) => SameWord(words[start + i], keyword)).All(same => same))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameWord(string word, string keyword) =>
        word == keyword || word == keyword + "s" || word == keyword + "es";

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex LetterRuns();

    private sealed record CompiledEntry(ShelfLifeFigures Figures, string[][] Keywords, string[][] Categories);
}
