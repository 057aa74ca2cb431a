using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Delivery;

namespace SmartHome.Cloud.Options;

internal static class OptionsExtensions
{
    public const string CoreSection = "SmartHome:Cloud:Core";

    /// <summary>Binds every section of the cloud host and validates it when the host starts.</summary>
    public static IHostApplicationBuilder AddCloudOptions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        Add<CloudOptions, CloudOptionsValidator>(services, CloudOptions.Section);
        Add<BrokerOptions, BrokerOptionsValidator>(services, BrokerOptions.Section);
        Add<StorageOptions, StorageOptionsValidator>(services, StorageOptions.Section)
            .Validate(
                o => string.Equals(o.Provider, StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase),
                "SmartHome:Cloud:Storage:Provider must be 'Sqlite', the only store provider in this build");
        Add<RulesOptions, RulesOptionsValidator>(services, RulesOptions.Section);
        Add<DeliveryOptions, DeliveryOptionsValidator>(services, DeliveryOptions.Section);
        Add<DeliveryWorkerOptions, DeliveryWorkerOptionsValidator>(services, DeliveryWorkerOptions.Section)
            .Validate<IOptions<DeliveryOptions>>(
                (worker, delivery) => worker.Lease > delivery.Value.LongestAttempt,
                "SmartHome:Cloud:Delivery:Worker:Lease must be longer than the longest attempt (SmartHome:Cloud:Delivery:ConnectTimeout "
                + "plus twice :ResponseTimeout, for the answer's headers and then its body); else a claim can lapse mid-attempt and the "
                + "delivery be sent twice");
        Add<NotificationOptions, NotificationOptionsValidator>(services, NotificationOptions.Section);
        Add<NotificationStreamOptions, NotificationStreamOptionsValidator>(services, NotificationStreamOptions.Section);
        Add<NotificationWebhookOptions, NotificationWebhookOptionsValidator>(services, NotificationWebhookOptions.Section);
        Add<CoreOptions, CoreOptionsValidator>(services, CoreSection);
        services.AddOptions<ShelfLifeOptions>().BindConfiguration(ShelfLifeOptions.Section)
            .Validate<IHostEnvironment>(
                (o, environment) => o.FullFoodKeeperPath(environment.ContentRootPath) is not { } path || File.Exists(path),
                ShelfLifeOptions.FoodKeeperPathKey + " names no file (a relative path is taken from the content root)")
            .ValidateOnStart();
        return builder;
    }

    private static OptionsBuilder<TOptions> Add<TOptions, TValidator>(IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, FullKeyValidator<TOptions>>(
            _ => new FullKeyValidator<TOptions>(new TValidator(), section)));
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
