
namespace SmartHome.Cloud.Notifications;

internal static class NotificationExtensions
{
    public static IHostApplicationBuilder AddCloudNotifications(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<NotificationPublisher>();
        return builder;
    }
}
