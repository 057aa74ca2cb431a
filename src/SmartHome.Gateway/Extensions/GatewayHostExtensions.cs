using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartHome.Gateway.ApplianceLink;
using SmartHome.Gateway.Health;
using SmartHome.Gateway.Mqtt;
using SmartHome.Gateway.Options;
using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.Uplink;

namespace SmartHome.Gateway;

/// <summary>Composes the home gateway into a web application: appliance link → durable outbox → uplink, plus health.</summary>
public static class GatewayHostExtensions
{
    /// <summary>
    /// Registers the gateway from the <c>SmartHome:Gateway</c> configuration section (validated at start) and makes
    /// Kestrel listen on 127.0.0.1:<c>Health:Port</c>. <see cref="TimeProvider"/> can be replaced before this call.
    /// </summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSystemd();
        services.AddMetrics();
        services.AddOptionsWithValidateOnStart<GatewayOptions, GatewayOptionsValidator>().BindConfiguration(GatewayConfigKeys.Section);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(UplinkTimings.Default);
        services.TryAddSingleton(MqttConnectionTimings.Default);
        services.TryAddSingleton<GatewayMetrics>();
        services.TryAddSingleton(sp => GatewayIdentity.ForNewBoot(sp.GetRequiredService<IOptions<GatewayOptions>>().Value));
        services.TryAddSingleton(sp => DurableOutbox.Open(
            OutboxSettingsFor(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Outbox, sp.GetRequiredService<IHostEnvironment>()),
            sp.GetRequiredService<GatewayIdentity>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<GatewayMetrics>(),
            sp.GetRequiredService<ILogger<DurableOutbox>>()));
        services.TryAddSingleton<ApplianceMessageHandler>();
        services.TryAddSingleton<ApplianceLinkService>();
        services.TryAddSingleton<UplinkConnectivity>();
        services.TryAddSingleton<EnvelopePublisher>();
        services.TryAddSingleton<GatewayHealthReporter>();

        // Hosted services stop in reverse order: the appliance link stops taking messages before the uplink goes offline.
        services.AddHostedService<UplinkService>();
        services.AddHostedService(sp => sp.GetRequiredService<ApplianceLinkService>());

        // Read without validation: Kestrel's options are built with the application, before start-up validation runs,
        // and a bad port must fail there, with the message that names the key.
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
        {
            var health = configuration.GetSection(GatewayConfigKeys.Health).Get<HealthOptions>() ?? new();
            if (health.Port is >= IPEndPoint.MinPort and <= IPEndPoint.MaxPort)
            {
                kestrel.Listen(IPAddress.Loopback, health.Port);
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

    private static OutboxSettings OutboxSettingsFor(OutboxOptions outbox, IHostEnvironment environment) =>
        new(Path.GetFullPath(Path.Combine(environment.ContentRootPath, outbox.Path)), outbox.MaxBytes);
}
