namespace SmartHome.Gateway.UnitTests.Support;

internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("shg-gateway-tests-").FullName;

    public string[] SegmentFiles() => Directory.GetFiles(Path, "*.seg").Order(StringComparer.Ordinal).ToArray();

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
