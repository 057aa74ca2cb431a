using System.Globalization;
using SmartHome.Testing;

namespace SmartHome.IntegrationTests;

/// <summary>A real Mosquitto, the cloud core reading from it and one gateway publishing to it, each a separate host.</summary>
internal sealed class MosquittoDeployment : IAsyncDisposable
{
    private readonly string _outboxPath;

    private MosquittoDeployment(MosquittoBroker broker, CloudInstance cloud, GatewayInstance gateway, string outboxPath)
    {
        Broker = broker;
        Cloud = cloud;
        Gateway = gateway;
        _outboxPath = outboxPath;
    }

    public MosquittoBroker Broker { get; }

    public CloudInstance Cloud { get; }

    public GatewayInstance Gateway { get; }

    public static async Task<MosquittoDeployment> StartAsync(string householdId, string gatewayId, IDictionary<string, string?>? gatewaySettings = null)
    {
        var outboxPath = Directory.CreateTempSubdirectory("shg-outbox-").FullName;
        var broker = await MosquittoBroker.StartAsync();
        var cloud = await CloudInstance.StartAsync(new Dictionary<string, string?>
        {
            ["SmartHome:Cloud:Broker:Embedded"] = "false",
            ["SmartHome:Cloud:Broker:Host"] = "127.0.0.1",
            ["SmartHome:Cloud:Broker:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        });
        var gateway = await GatewayInstance.StartAsync(householdId, gatewayId, broker.Port, outboxPath, gatewaySettings);
        return new(broker, cloud, gateway, outboxPath);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Cloud.DisposeAsync();
        await Broker.DisposeAsync();
        Directory.Delete(_outboxPath, recursive: true);
    }
}
