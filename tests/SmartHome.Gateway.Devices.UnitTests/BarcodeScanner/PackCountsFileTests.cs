using SmartHome.Gateway.Devices.BarcodeScanner;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.Devices.UnitTests.BarcodeScanner;

public sealed class PackCountsFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _path;

    public PackCountsFileTests() => _path = Path.Combine(_folder.Path, "counts.json");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_NoFile_ReturnsNoCounts() => Assert.Empty(PackCountsFile.Load(_path));

    [Fact]
    public void Save_ThenLoad_ReturnsThePositiveCountsAndLeavesNoTemporaryFile()
    {
        PackCountsFile.Save(_path, new Dictionary<string, int> { ["scan-4006381333931"] = 3, ["scan-96385074"] = 0 });

        var counts = PackCountsFile.Load(_path);

        Assert.Equal(new Dictionary<string, int> { ["scan-4006381333931"] = 3 }, counts);
        Assert.Equal([_path], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void Load_NotACountsFile_ThrowsNamingTheFile()
    {
        File.WriteAllText(_path, """{"scan-1": "three"}""");

        var error = Assert.Throws<InvalidDataException>(() => PackCountsFile.Load(_path));

        Assert.Contains($"pack counts file {_path} is not valid", error.Message, StringComparison.Ordinal);
    }
}
