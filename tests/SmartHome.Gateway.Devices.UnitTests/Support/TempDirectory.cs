namespace SmartHome.Gateway.Devices.UnitTests.Support;

internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("shg-devices-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
