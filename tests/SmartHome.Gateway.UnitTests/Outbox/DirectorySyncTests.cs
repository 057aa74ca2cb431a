using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.UnitTests.Outbox;

public sealed class DirectorySyncTests
{
    [Fact]
    public void Flush_ExistingDirectory_Succeeds()
    {
        using var directory = new TempDirectory();

        DirectorySync.Flush(directory.Path);
    }

    [Fact]
    public void Flush_MissingDirectory_ThrowsOnLinux()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.Throws<IOException>(() => DirectorySync.Flush("/nonexistent/shg-gateway"));
    }
}
