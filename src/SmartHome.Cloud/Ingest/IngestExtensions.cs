using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Broker;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Core.ShelfLife;
using SmartHome.Cloud.Health;

namespace SmartHome.Cloud.Ingest;

internal static class IngestExtensions
{
    /// <summary>The household engine, the uplink readers behind the core's MQTT client, and the rules ticker.</summary>
    public static IHostApplicationBuilder AddCloudIngest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(sp => new HouseholdEngine(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IShelfLifeCatalog>(), sp.GetRequiredService<IOptions<CoreOptions>>().Value));
        services.TryAddSingleton<CloudCounters>();
        services.TryAddSingleton<HouseholdUpdater>();
        services.TryAddSingleton<TelemetryIngest>();
        services.TryAddSingleton<GatewayStatusIngest>();
        services.TryAddSingleton<IBrokerMessageHandler, IngestRouter>();
        services.AddHostedService<RulesTicker>();
        return builder;
    }
}
