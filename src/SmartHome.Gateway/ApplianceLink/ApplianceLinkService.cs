using Microsoft.Extensions.Options;
using SmartHome.Gateway.HomeAssistant;
using SmartHome.Gateway.Mqtt;
using SmartHome.Gateway.Options;

namespace SmartHome.Gateway.ApplianceLink;

/// <summary>Starts the appliance link configured: the embedded broker, or a subscription on <c>ExternalBroker</c>.</summary>
internal sealed class ApplianceLinkService(
    IOptions<GatewayOptions> options,
    ApplianceMessageHandler handler,
    GatewayIdentity identity,
    HomeAssistantTopics homeAssistant,
    MqttConnectionTimings timings,
    TimeProvider time,
    ILogger<ApplianceLinkService> logger) : IHostedService, IDisposable
{
    private IApplianceLink? _link;

    /// <summary>The running link, once started.</summary>
    public IApplianceLink? Link => _link;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.ApplianceLink;
        _link = BrokerAddress.TryParse(settings.ExternalBroker, out var broker)
            ? new ExternalApplianceSubscriber(handler, broker, identity, timings, time, logger)
            : new EmbeddedApplianceBroker(
                handler, settings.Port, logger, options.Value.HomeAssistant.Enabled ? homeAssistant.IsHomeAssistantTraffic : null);
        await _link.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _link?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public void Dispose() => (_link as IDisposable)?.Dispose();
}
