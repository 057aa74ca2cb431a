using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Core.ShelfLife;

/// <summary>Files the shelf-life tests read: the simulator's product catalog, and FoodKeeper next to the repository (never copied into it).</summary>
internal static class RepositoryFiles
{
    public static string SimulatorCatalog => Path.Combine(RepositoryPaths.Root, "firmware-sim", "SmartHome.FirmwareSim", "Household", "catalog.json");

    /// <summary><c>../shared/data/foodkeeper.json</c>.</summary>
    public static string FoodKeeper => RepositoryPaths.SharedData("foodkeeper.json");
}
