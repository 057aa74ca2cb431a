using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Systemd;
using SmartHome.Gateway.Uplink;

namespace SmartHome.Gateway.Systemd;

internal static class SystemdExtensions
{
    private const string NotifySocketVariable = "NOTIFY_SOCKET";

    /// <summary>
    /// Under a <c>Type=notify</c> unit: the library's lifetime sends <c>READY=1</c> once the gateway started and
    /// <c>STOPPING=1</c> when it begins to stop, and <see cref="SystemdWatchdog"/> feeds the watchdog while the uplink
    /// loop and the outbox writer are alive. Without systemd nothing changes.
    /// </summary>
    public static IServiceCollection AddGatewaySystemd(this IServiceCollection services)
    {
        services.AddSystemd();

        // AddSystemd only notifies when systemd is the direct parent, but sd_notify(3) needs no more than NOTIFY_SOCKET:
        // a gateway started through a wrapper (a shell without exec, a test) reports its state as well.
        if (!SystemdHelpers.IsSystemdService() && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NotifySocketVariable)))
        {
            services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
            services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }

        if (WatchdogSettings.FromEnvironment() is { } watchdog)
        {
            services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
            services.TryAddSingleton(watchdog);
            services.AddSingleton<ILivenessCheck>(sp => new BackgroundLoopLivenessCheck(
                "uplink", sp.GetRequiredService<UplinkService>(), sp.GetRequiredService<IHostApplicationLifetime>()));
            services.AddSingleton<ILivenessCheck, OutboxWriterLivenessCheck>();
            services.AddHostedService<SystemdWatchdog>();
        }

        return services;
    }
}
