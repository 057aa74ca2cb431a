namespace SmartHome.Cloud.Core.ShelfLife.FoodKeeper;

/// <summary>A FoodKeeper file that cannot be read; the message names the file and what is wrong with it.</summary>
public sealed class FoodKeeperImportException : Exception
{
    public FoodKeeperImportException()
    {
    }

    public FoodKeeperImportException(string message)
        : base(message)
    {
    }

    public FoodKeeperImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
