using System.Device.Gpio;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartHome.Gateway.ApplianceLink;
using SmartHome.Gateway.Clock;
using SmartHome.Gateway.Devices;
using SmartHome.Gateway.Health;
using SmartHome.Gateway.HomeAssistant;
using SmartHome.Gateway.Mqtt;
using SmartHome.Gateway.Options;
using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.Systemd;
using SmartHome.Gateway.Uplink;

namespace SmartHome.Gateway;

/// <summary>Composes the home gateway into a web application: appliance link → durable outbox → uplink, plus health.</summary>
public static class GatewayHostExtensions
{
    /// <summary>
    /// Registers the gateway from the <c>SmartHome:Gateway</c> configuration section (validated at start) and makes
    /// Kestrel listen on 127.0.0.1:<c>Health:Port</c>, unless <c>urls</c> is configured. <see cref="TimeProvider"/>
    /// can be replaced before this call.
    /// </summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddGatewaySystemd();
        services.AddMetrics();
        services.AddOptionsWithValidateOnStart<GatewayOptions, GatewayOptionsValidator>().BindConfiguration(GatewayConfigKeys.Section);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(UplinkTimings.Default);
        services.TryAddSingleton(MqttConnectionTimings.Default);
        services.TryAddSingleton<GatewayMetrics>();
        services.TryAddSingleton(sp => GatewayIdentity.ForNewBoot(sp.GetRequiredService<IOptions<GatewayOptions>>().Value));
        services.TryAddSingleton<IClockSyncProbe, LinuxClockSyncProbe>();
        services.TryAddSingleton<GatewayClock>();
        services.TryAddSingleton(sp => DurableOutbox.Open(
            OutboxSettingsFor(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Outbox, sp.GetRequiredService<IHostEnvironment>()),
            sp.GetRequiredService<GatewayIdentity>(),
            sp.GetRequiredService<GatewayClock>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<GatewayMetrics>(),
            sp.GetRequiredService<ILogger<DurableOutbox>>()));
        services.TryAddSingleton(sp => new HomeAssistantTopics(
            sp.GetRequiredService<IOptions<GatewayOptions>>().Value.HomeAssistant.DiscoveryPrefix, sp.GetRequiredService<GatewayIdentity>()));
        services.TryAddSingleton<DiscoveryConfigs>();
        services.TryAddSingleton(sp => new HomeAssistantState(
            sp.GetRequiredService<HomeAssistantTopics>(),
            sp.GetRequiredService<DiscoveryConfigs>(),
            sp.GetRequiredService<IOptions<GatewayOptions>>().Value.HomeAssistant));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAcceptedRecordObserver, HomeAssistantState>(sp => sp.GetRequiredService<HomeAssistantState>()));
        services.TryAddSingleton<NotificationQueue>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationObserver, NotificationQueue>(sp => sp.GetRequiredService<NotificationQueue>()));
        services.TryAddSingleton<HomeAssistantService>();
        services.TryAddSingleton<ApplianceMessageHandler>();
        services.TryAddSingleton<ApplianceLinkService>();
        services.TryAddSingleton<UplinkConnectivity>();
        services.TryAddSingleton<EnvelopePublisher>();
        services.TryAddSingleton(sp => new SeenNotifications(Path.Combine(
            OutboxSettingsFor(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Outbox, sp.GetRequiredService<IHostEnvironment>()).Directory,
            SeenNotifications.FileName)));
        services.TryAddSingleton<NotificationReceiver>();
        services.TryAddSingleton<UplinkService>();
        services.TryAddSingleton<GatewayHealthReporter>();
        services.TryAddSingleton<GpioControllerFactory>(_ => () => new GpioController());

        // Hosted services stop in reverse order: Home Assistant's availability goes offline while the appliance link's
        // broker still runs, and the appliance link stops taking messages before the uplink goes offline.
        services.AddHostedService(sp => sp.GetRequiredService<UplinkService>());
        services.AddHostedService(sp => sp.GetRequiredService<ApplianceLinkService>());
        services.AddHostedService(sp => sp.GetRequiredService<HomeAssistantService>());
        services.AddHostedService<WiredSensorService>();

        // Read without validation or binding: Kestrel's options are built with the application, before start-up
        // validation runs, and a bad port must fail there, with the line that names the key. Addresses configured
        // the ASP.NET Core way (--urls, ASPNETCORE_URLS) take the place of the health port.
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
        {
            if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]) && HealthPort(configuration) is { } port)
            {
                kestrel.Listen(IPAddress.Loopback, port);
            }
        });
        return builder;
    }

    /// <summary>Maps <c>GET /healthz</c>: 200 with the uplink state, the outbox depth and the appliance-link counters.</summary>
    public static WebApplication MapGatewayHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", (GatewayHealthReporter reporter) => TypedResults.Json(reporter.Build(), GatewayJsonContext.Default.GatewayHealthReport))
            .WithName("GatewayHealth");
        return app;
    }

    /// <summary>The configured health port, or null when it is not a valid port (start-up validation then reports it).</summary>
    private static int? HealthPort(IConfiguration configuration)
    {
        var configured = configuration[GatewayConfigKeys.HealthPort];
        if (configured is null)
        {
            return new HealthOptions().Port;
        }

        return int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= IPEndPoint.MaxPort ? port : null;
    }

    private static OutboxSettings OutboxSettingsFor(OutboxOptions outbox, IHostEnvironment environment) =>
        new(Path.GetFullPath(Path.Combine(environment.ContentRootPath, outbox.Path)), outbox.MaxBytes)
        {
            MaxAge = outbox.MaxAge,
            RollupInterval = outbox.RollupInterval,
        };
}
