using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmartHome.Cloud.Broker;

internal static class BrokerExtensions
{
    /// <summary>The embedded broker (unless <c>SmartHome:Cloud:Broker:Embedded</c> is false) and the core's MQTT client.</summary>
    public static IHostApplicationBuilder AddCloudBroker(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<BrokerEndpoint>();
        services.TryAddSingleton<BrokerConnectivity>();
        services.TryAddSingleton<PartnerTopicAccess>();
        services.AddHostedService<EmbeddedBroker>();
        services.TryAddSingleton<CoreMqttClient>();
        services.AddHostedService(sp => sp.GetRequiredService<CoreMqttClient>());
        return builder;
    }
}
