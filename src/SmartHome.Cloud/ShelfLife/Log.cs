using SmartHome.Cloud.Core.ShelfLife.FoodKeeper;

namespace SmartHome.Cloud.ShelfLife;

internal static partial class Log
{
    [LoggerMessage(2600, LogLevel.Information, "Shelf-life catalog: the built-in table with {Products} FoodKeeper products imported from {Path} ({Rows} rows); left out: {Skipped}")]
    public static partial void FoodKeeperImported(ILogger logger, int products, string path, int rows, string skipped);

    public static void FoodKeeperImported(ILogger logger, string path, FoodKeeperImport import) =>
        FoodKeeperImported(
            logger,
            import.Entries.Count,
            path,
            import.ProductRows,
            import.Skipped.Count == 0 ? "nothing" : string.Join(", ", import.Skipped.OrderBy(s => s.Key).Select(s => $"{s.Value} {s.Key}")));
}
