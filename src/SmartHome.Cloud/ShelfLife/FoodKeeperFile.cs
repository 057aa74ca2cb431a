using Microsoft.Extensions.Options;
using SmartHome.Cloud.Core.ShelfLife.FoodKeeper;
using SmartHome.Cloud.Options;

namespace SmartHome.Cloud.ShelfLife;

/// <summary>Imports the FoodKeeper file the configuration names; a file that cannot be read or understood stops start-up as a configuration error naming the key and the file.</summary>
internal static class FoodKeeperFile
{
    public static FoodKeeperImport Import(string path)
    {
        try
        {
            using var stream = OpenRead(path);
            return FoodKeeperImporter.Read(stream, path);
        }
        catch (FoodKeeperImportException e)
        {
            throw new OptionsValidationException(ShelfLifeOptions.FoodKeeperPathKey, typeof(ShelfLifeOptions), [$"{ShelfLifeOptions.FoodKeeperPathKey}: {e.Message}"]);
        }
    }

    private static FileStream OpenRead(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FoodKeeperImportException($"{path} cannot be read: {e.Message}", e);
        }
    }
}
