using System.Text.Json;

namespace SmartHome.Cloud.Core.ShelfLife.FoodKeeper;

/// <summary>
/// Reads USDA FoodKeeper's JSON export (sheets of rows, each row a list of one-key objects) into catalog entries,
/// one per product: per place the low end of the range in whole days, the plain column first and the
/// date-of-purchase (<c>DOP_</c>) column where the plain one is empty. Metrics that are not durations are left out
/// and counted; docs/shelf-life.md ("Catalog") has the rules.
/// </summary>
public static class FoodKeeperImporter
{
    private const string ProductSheet = "Product";

    public static FoodKeeperImport Read(Stream json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            using var document = JsonDocument.Parse(json);
            var rows = ProductRows(document.RootElement, source);
            var skipped = new Dictionary<FoodKeeperSkip, int>();
            var entries = new List<ShelfLifeCatalogEntry>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (Entry(Columns(rows[i], i, source), skipped) is { } entry)
                {
                    entries.Add(entry);
                }
            }

            return new FoodKeeperImport(rows.Count, entries, skipped);
        }
        catch (JsonException e)
        {
            throw new FoodKeeperImportException($"{source} is not valid JSON: {e.Message}", e);
        }
    }

    private static List<JsonElement> ProductRows(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("sheets", out var sheets)
            || sheets.ValueKind != JsonValueKind.Array)
        {
            throw new FoodKeeperImportException($"{source} is not a FoodKeeper export: expected an object with a \"sheets\" list");
        }

        foreach (var sheet in sheets.EnumerateArray())
        {
            if (sheet.ValueKind == JsonValueKind.Object
                && sheet.TryGetProperty("name", out var name)
                && name.ValueKind == JsonValueKind.String
                && name.GetString() == ProductSheet)
            {
                return sheet.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
                    ? [.. data.EnumerateArray()]
                    : throw new FoodKeeperImportException($"{source} is not a FoodKeeper export: its \"{ProductSheet}\" sheet has no \"data\" list");
            }
        }

        throw new FoodKeeperImportException($"{source} is not a FoodKeeper export: it has no \"{ProductSheet}\" sheet");
    }

    private static Dictionary<string, JsonElement> Columns(JsonElement row, int index, string source)
    {
        var columns = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (row.ValueKind == JsonValueKind.Array)
        {
            foreach (var cell in row.EnumerateArray())
            {
                if (cell.ValueKind != JsonValueKind.Object || cell.EnumerateObject().Count() != 1)
                {
                    break;
                }

                var column = cell.EnumerateObject().Single();
                columns[column.Name] = column.Value;
            }

            if (columns.Count == row.GetArrayLength())
            {
                return columns;
            }
        }

        throw new FoodKeeperImportException(
            $"{source} is not a FoodKeeper export: row {index + 1} of the \"{ProductSheet}\" sheet is not a list of one-key objects");
    }

    private static ShelfLifeCatalogEntry? Entry(Dictionary<string, JsonElement> row, Dictionary<FoodKeeperSkip, int> skipped)
    {
        var name = Text(row, "Name");
        if (name is null)
        {
            Count(skipped, FoodKeeperSkip.ProductWithoutName);
            return null;
        }

        var subtitle = Text(row, "Name_subtitle");
        var figures = new ShelfLifeFigures
        {
            Name = subtitle is null ? name : $"{name} ({subtitle})",
            PantryDays = Days(row, skipped, "Pantry", "DOP_Pantry"),
            FridgeDays = Days(row, skipped, "Refrigerate", "DOP_Refrigerate"),
            FreezerDays = Days(row, skipped, "Freeze", "DOP_Freeze"),
            PantryAfterOpeningDays = Days(row, skipped, "Pantry_After_Opening"),
            FridgeAfterOpeningDays = Days(row, skipped, "Refrigerate_After_Opening"),
            FridgeAfterThawingDays = Days(row, skipped, "Refrigerate_After_Thawing"),
        };
        if (figures is { PantryDays: null, FridgeDays: null, FreezerDays: null, PantryAfterOpeningDays: null, FridgeAfterOpeningDays: null, FridgeAfterThawingDays: null })
        {
            Count(skipped, FoodKeeperSkip.ProductWithoutFigures);
            return null;
        }

        // By name only: FoodKeeper's keyword lists mix foods with qualifiers ("whole", "natural", "canned").
        return new ShelfLifeCatalogEntry { Figures = figures, Keywords = [name] };
    }

    /// <summary>The first of the columns that holds a duration; when none does, the first one's reason is counted.</summary>
    private static int? Days(Dictionary<string, JsonElement> row, Dictionary<FoodKeeperSkip, int> skipped, params string[] columns)
    {
        FoodKeeperSkip? firstSkip = null;
        foreach (var column in columns)
        {
            var (days, skip) = Figure(row, column);
            if (days is not null)
            {
                return days;
            }

            firstSkip ??= skip;
        }

        if (firstSkip is { } reason)
        {
            Count(skipped, reason);
        }

        return null;
    }

    private static (int? Days, FoodKeeperSkip? Skip) Figure(Dictionary<string, JsonElement> row, string column)
    {
        var metric = Text(row, column + "_Metric");
        var low = Number(row, column + "_Min") ?? Number(row, column + "_Max");
        if (metric is null)
        {
            return IsPresent(row, column + "_Min") || IsPresent(row, column + "_Max") ? (null, FoodKeeperSkip.UnreadableFigure) : (null, null);
        }

        return FoodKeeperMetric.DaysPer(metric) switch
        {
            { } daysPer when low is >= 0 => ((int)Math.Floor(low.Value * daysPer), null),
            not null => (null, FoodKeeperSkip.UnreadableFigure),
            null => (null, FoodKeeperMetric.NotADuration(metric)),
        };
    }

    private static string? Text(Dictionary<string, JsonElement> row, string column) =>
        row.TryGetValue(column, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } text
            ? text
            : null;

    private static double? Number(Dictionary<string, JsonElement> row, string column) =>
        row.TryGetValue(column, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static bool IsPresent(Dictionary<string, JsonElement> row, string column) =>
        row.TryGetValue(column, out var value) && value.ValueKind != JsonValueKind.Null;

    private static void Count(Dictionary<FoodKeeperSkip, int> skipped, FoodKeeperSkip reason) =>
        skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
}
