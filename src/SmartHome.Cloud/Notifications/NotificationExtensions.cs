using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmartHome.Cloud.Notifications;

internal static class NotificationExtensions
{
    public static IHostApplicationBuilder AddCloudNotifications(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<NotificationPublisher>();
        builder.Services.TryAddSingleton<NotificationFeed>();
        builder.Services.TryAddSingleton<NotificationStreamSlots>();
        return builder;
    }
}
