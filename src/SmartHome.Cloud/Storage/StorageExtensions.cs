using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmartHome.Cloud.Storage;

internal static class StorageExtensions
{
    /// <summary>The store (SQLite unless a caller registered another <see cref="IStoreProvider"/>), its schema at start, and the stores over it.</summary>
    public static IHostApplicationBuilder AddCloudStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<IStoreProvider, SqliteStoreProvider>();
        services.AddHostedService<StoreInitializer>();
        services.TryAddSingleton<HouseholdStore>();
        services.TryAddSingleton<PartnerStore>();
        services.TryAddSingleton<HouseholderTokenStore>();
        services.TryAddSingleton<SubscriptionStore>();
        services.TryAddSingleton<ConsentStore>();
        services.TryAddSingleton<DeliveryStore>();
        services.TryAddSingleton<NotificationStore>();
        services.TryAddSingleton<HouseholdWebhookStore>();
        services.TryAddSingleton<PartnerNoticeStore>();
        services.TryAddSingleton<ServerSecretStore>();
        services.TryAddSingleton<OutboxSignals>();
        return builder;
    }
}
