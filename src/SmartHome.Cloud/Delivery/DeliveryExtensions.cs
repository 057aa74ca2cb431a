using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmartHome.Cloud.Delivery;

internal static class DeliveryExtensions
{
    /// <summary>Webhook checks and the guarded "webhooks" client, and the worker that drains the delivery outbox.</summary>
    public static IHostApplicationBuilder AddCloudDelivery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddWebhookHttpClient();
        services.TryAddSingleton<WebhookHandshake>();
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton<HouseholdPseudonyms>();
        services.TryAddSingleton<EndpointLimiter>();
        services.TryAddSingleton<DeliveryOutcomes>();
        services.TryAddSingleton<DeliveryProcessor>();
        services.AddHostedService<DeliveryWorker>();
        return builder;
    }
}
