using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SmartHome.Cloud.Delivery;

/// <summary>The HTTP client that calls partners' endpoints: no redirects, bounded time, and the address check at every connection.</summary>
public static class WebhookHttpClientExtensions
{
    public const string ClientName = "webhooks";

    /// <param name="services">The services to add the client to.</param>
    /// <param name="name">The client's name: one per kind of webhook, so each can have its own logging.</param>
    public static IHttpClientBuilder AddWebhookHttpClient(this IServiceCollection services, string name = ClientName)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.TryAddSingleton<WebhookUrlPolicy>();
        return services
            .AddHttpClient(name, (sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.ResponseTimeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("SmartHomeGateway-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => CreateHandler(
                sp.GetRequiredService<IOptionsMonitor<DeliveryOptions>>(), sp.GetRequiredService<WebhookUrlPolicy>()));
    }

    internal static SocketsHttpHandler CreateHandler(IOptionsMonitor<DeliveryOptions> options, WebhookUrlPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectTimeout = options.CurrentValue.ConnectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxResponseHeadersLength = 16,
        ConnectCallback = (context, ct) => ConnectToAllowedAddressAsync(context, policy, ct),
    };

    /// <summary>Resolves the host itself and connects only to an address the policy allows, so what was checked is what is reached.</summary>
    private static async ValueTask<Stream> ConnectToAllowedAddressAsync(SocketsHttpConnectionContext context, WebhookUrlPolicy policy, CancellationToken ct)
    {
        var allowed = await policy.AllowedAddressesAsync(context.DnsEndPoint.Host, ct);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
