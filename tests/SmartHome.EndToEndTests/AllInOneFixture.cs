using SmartHome.AllInOne;
using SmartHome.Testing;

namespace SmartHome.EndToEndTests;

/// <summary>The whole system on its embedded defaults (MQTTnet broker, SQLite), on free loopback ports.</summary>
public sealed class AllInOneFixture : IAsyncLifetime
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("shg-e2e-").FullName;

    public AllInOneSystem System { get; private set; } = null!;

    public int BrokerPort { get; } = FreePort.Next();

    public int ApplianceLinkPort { get; } = FreePort.Next();

    public int GatewayHealthPort { get; } = FreePort.Next();

    public async Task InitializeAsync()
    {
        System = await AllInOneSystem.StartAsync(
        [
            "--urls=http://127.0.0.1:0",
            $"--SmartHome:Cloud:Broker:Port={BrokerPort}",
            $"--SmartHome:Gateway:ApplianceLink:Port={ApplianceLinkPort}",
            $"--SmartHome:Gateway:Health:Port={GatewayHealthPort}",
            $"--SmartHome:AllInOne:DataPath={_dataPath}",
        ]);
    }

    public async Task DisposeAsync()
    {
        await System.DisposeAsync();
        Directory.Delete(_dataPath, recursive: true);
    }
}
