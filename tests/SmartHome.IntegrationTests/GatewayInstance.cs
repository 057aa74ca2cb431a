using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using SmartHome.Gateway;
using SmartHome.Testing;

namespace SmartHome.IntegrationTests;

/// <summary>
/// The gateway host in this process, with its appliance link and health on free ports and its outbox in a folder; more
/// settings, when given, override these. What it logs is collected in <see cref="Logs"/>.
/// </summary>
internal sealed class GatewayInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayInstance(WebApplication app, int applianceLinkPort, Uri healthAddress)
    {
        _app = app;
        ApplianceLinkPort = applianceLinkPort;
        HealthAddress = healthAddress;
    }

    public int ApplianceLinkPort { get; }

    public Uri HealthAddress { get; }

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    /// <summary>Starts a gateway; <paramref name="settings"/> (TLS files, credentials) are added after the defaults.</summary>
    public static async Task<GatewayInstance> StartAsync(
        string householdId, string gatewayId, int uplinkPort, string outboxPath, IDictionary<string, string?>? settings = null)
    {
        var linkPort = FreePort.Next();
        var healthPort = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SmartHome:Gateway:HouseholdId"] = householdId,
            ["SmartHome:Gateway:GatewayId"] = gatewayId,
            ["SmartHome:Gateway:Uplink:Host"] = "127.0.0.1",
            ["SmartHome:Gateway:Uplink:Port"] = uplinkPort.ToString(),
            ["SmartHome:Gateway:Uplink:BootJitter"] = "00:00:00",
            ["SmartHome:Gateway:ApplianceLink:Port"] = linkPort.ToString(),
            ["SmartHome:Gateway:Health:Port"] = healthPort.ToString(),
            ["SmartHome:Gateway:Outbox:Path"] = outboxPath,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddFakeLogging();
        builder.AddGateway();
        var app = builder.Build();
        app.MapGatewayHealth();
        await app.StartAsync();
        return new GatewayInstance(app, linkPort, new Uri($"http://127.0.0.1:{healthPort}/healthz"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
