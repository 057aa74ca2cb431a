namespace SmartHome.Cloud.UnitTests.Core.ShelfLife;

/// <summary>Files the shelf-life tests read: the simulator's product catalog, and FoodKeeper next to the repository (never copied into it).</summary>
internal static class RepositoryFiles
{
    private const string SolutionFile = "SmartHomeGateway.sln";

    public static string Root { get; } = FindRoot();

    public static string SimulatorCatalog => Path.Combine(Root, "firmware-sim", "SmartHome.FirmwareSim", "Household", "catalog.json");

    /// <summary><c>../shared/data/foodkeeper.json</c> from the repository root.</summary>
    public static string FoodKeeper
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "foodkeeper.json"));
            return File.Exists(path) ? path : throw new FileNotFoundException($"FoodKeeper data not found at {path} (expected ../shared/data/foodkeeper.json next to the repository)", path);
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no {SolutionFile} above {AppContext.BaseDirectory}");
    }
}
