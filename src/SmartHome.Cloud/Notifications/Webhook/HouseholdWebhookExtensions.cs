using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartHome.Cloud.Delivery;

namespace SmartHome.Cloud.Notifications.Webhook;

internal static class HouseholdWebhookExtensions
{
    /// <summary>Households' own notification webhooks: the guarded client (without logging), the sender and the dispatcher.</summary>
    public static IHostApplicationBuilder AddCloudHouseholdWebhooks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddWebhookHttpClient(HouseholdWebhookSender.ClientName).RemoveAllLoggers();
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton<HouseholdWebhookSender>();
        services.AddHostedService<HouseholdWebhookDispatcher>();
        return builder;
    }
}
