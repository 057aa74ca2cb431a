using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartHome.Cloud.Apis;
using SmartHome.Cloud.Broker;
using SmartHome.Cloud.Dashboard;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.Ingest;
using SmartHome.Cloud.Notifications;
using SmartHome.Cloud.Notifications.Webhook;
using SmartHome.Cloud.Options;
using SmartHome.Cloud.ShelfLife;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud;

/// <summary>
/// The cloud routing core as two calls on any <see cref="WebApplicationBuilder"/>: everything it needs comes from
/// the builder's configuration (<c>SmartHome:Cloud:*</c>), so the Cloud host, AllInOne and tests compose it alike.
/// </summary>
public static class CloudHostExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The largest request body the API reads; the largest valid one (household settings) is far smaller. Larger ones get 413.</summary>
    public const int MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddCloud(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        UseDefaultUrlUnlessConfigured(builder);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddCloudOptions();
        builder.AddCloudStorage();
        builder.AddCloudBroker();
        builder.AddCloudShelfLife();
        builder.AddCloudIngest();
        builder.AddCloudDelivery();
        builder.AddCloudNotifications();
        builder.AddCloudHouseholdWebhooks();
        builder.AddCloudApis();
        return builder;
    }

    public static WebApplication MapCloud(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDashboard();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapCloudApis();
        return app;
    }

    private static void UseDefaultUrlUnlessConfigured(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey])
            && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }
}
