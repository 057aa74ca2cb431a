using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SmartHome.Cloud.Delivery;

/// <summary>The HTTP client that calls partners' endpoints: no redirects, bounded time, and the address check at every connection.</summary>
public static class WebhookHttpClientExtensions
{
    public const string ClientName = "webhooks";

    public static IHttpClientBuilder AddWebhookHttpClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services
            .AddHttpClient(ClientName, (sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.ResponseTimeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("SmartHomeGateway-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => CreateHandler(sp.GetRequiredService<IOptionsMonitor<DeliveryOptions>>()));
    }

    internal static SocketsHttpHandler CreateHandler(IOptionsMonitor<DeliveryOptions> options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectTimeout = options.CurrentValue.ConnectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxResponseHeadersLength = 16,
        ConnectCallback = (context, ct) => ConnectToAllowedAddressAsync(context, options.CurrentValue.AllowPrivateNetworks, ct),
    };

    /// <summary>Resolves the host itself and connects only to an address the policy allows, so what was checked is what is reached.</summary>
    private static async ValueTask<Stream> ConnectToAllowedAddressAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => WebhookUrlPolicy.IsAllowed(a, allowPrivate)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"refused to connect to '{host}': it resolves only to non-public addresses");
        }

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
