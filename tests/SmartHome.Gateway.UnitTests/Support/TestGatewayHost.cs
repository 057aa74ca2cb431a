using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmartHome.Gateway.UnitTests.Support;

/// <summary>The whole gateway as a host composes it (household <c>home-1</c>, gateway <c>gw-1</c>), with fast reconnects.</summary>
internal static class TestGatewayHost
{
    public static WebApplication Build(string directory, int appliancePort, int healthPort, Dictionary<string, string?> overrides)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = directory });
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>
        {
            ["SmartHome:Gateway:HouseholdId"] = "home-1",
            ["SmartHome:Gateway:GatewayId"] = "gw-1",
            ["SmartHome:Gateway:ApplianceLink:Port"] = Port(appliancePort),
            ["SmartHome:Gateway:Health:Port"] = Port(healthPort),
            ["SmartHome:Gateway:Outbox:Path"] = Path.Combine(directory, "outbox"),
            ["SmartHome:Gateway:Uplink:BootJitter"] = "00:00:00",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(UplinkHarness.FastTimings);
        builder.Services.AddSingleton(UplinkHarness.FastConnectionTimings);
        builder.AddGateway();
        var app = builder.Build();
        app.MapGatewayHealth();
        return app;
    }

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    public static async Task<JsonElement> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
