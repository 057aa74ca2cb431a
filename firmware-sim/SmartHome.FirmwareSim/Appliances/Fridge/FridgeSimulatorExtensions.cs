using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartHome.FirmwareSim.Mqtt;

namespace SmartHome.FirmwareSim.Appliances.Fridge;

public static class FridgeSimulatorExtensions
{
    /// <summary>Adds a simulated fridge bound to the <c>SmartHome:FirmwareSim</c> configuration section.</summary>
    public static IHostApplicationBuilder AddFridgeSimulator(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCore(builder.Services).BindConfiguration(FridgeSimulatorOptions.SectionName);
        return builder;
    }

    /// <summary>Adds a simulated fridge configured in code (the AllInOne host, tests).</summary>
    public static IServiceCollection AddFridgeSimulator(this IServiceCollection services, Action<FridgeSimulatorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(services).Configure(configure);
        return services;
    }

    private static OptionsBuilder<FridgeSimulatorOptions> AddCore(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SimulatorStatistics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FridgeSimulatorOptions>, FridgeSimulatorOptionsValidator>());
        services.AddHostedService<FridgeSimulatorService>();
        return services.AddOptionsWithValidateOnStart<FridgeSimulatorOptions>();
    }
}
