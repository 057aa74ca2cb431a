using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SmartHome.Cloud.Delivery;

/// <summary>
/// Decides whether a partner's webhook URL may be called: https only, no credentials in the URL, and no address
/// inside a private network unless <see cref="DeliveryOptions.AllowPrivateNetworks"/> says so. The same address check
/// runs again at each connection (see <see cref="WebhookHttpClientExtensions"/>), so DNS rebinding cannot get around it.
/// </summary>
public sealed class WebhookUrlPolicy(IOptionsMonitor<DeliveryOptions> options, IHostAddressResolver resolver)
{
    public const int MaxUrlLength = 2048;

    /// <summary>Checks the URL as written; null when acceptable, else the reason in words.</summary>
    public string? Validate(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var allowPrivate = options.CurrentValue.AllowPrivateNetworks;
        if (!url.IsAbsoluteUri)
        {
            return "the webhook URL must be absolute";
        }

        if (url.OriginalString.Length > MaxUrlLength)
        {
            return $"the webhook URL is longer than {MaxUrlLength} characters";
        }

        if (url.Scheme != Uri.UriSchemeHttps && !(allowPrivate && url.Scheme == Uri.UriSchemeHttp))
        {
            return allowPrivate ? "the webhook URL must use https or http" : "the webhook URL must use https";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "the webhook URL must not carry credentials";
        }

        var host = HostOf(url);
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            return $"the webhook host '{url.IdnHost}' is not a valid host name";
        }

        return IPAddress.TryParse(host, out var literal) && !IsAllowed(literal, allowPrivate)
            ? $"the webhook URL points at a non-public address ({literal})"
            : null;
    }

    /// <summary>Checks the URL and every address its host name resolves to now.</summary>
    public async Task<string?> ValidateResolvedAsync(Uri url, CancellationToken ct)
    {
        if (Validate(url) is { } reason)
        {
            return reason;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await AddressesOfAsync(HostOf(url), ct);
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException)
        {
            // ArgumentException: a name DNS cannot even ask for, e.g. longer than 255 characters.
            return $"the webhook host '{url.IdnHost}' does not resolve";
        }

        var allowPrivate = options.CurrentValue.AllowPrivateNetworks;
        return addresses.FirstOrDefault(a => !IsAllowed(a, allowPrivate)) is { } blocked
            ? $"the webhook host '{url.IdnHost}' resolves to a non-public address ({blocked})"
            : null;
    }

    /// <summary>
    /// The addresses a connection to <paramref name="host"/> may use, resolved now; throws when there is none, naming
    /// the address that was refused, so the attempt fails with that reason.
    /// </summary>
    public async Task<IPAddress[]> AllowedAddressesAsync(string host, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        var addresses = await AddressesOfAsync(Normalize(host), ct);
        var allowPrivate = options.CurrentValue.AllowPrivateNetworks;
        var allowed = addresses.Where(a => IsAllowed(a, allowPrivate)).ToArray();
        return allowed.Length > 0
            ? allowed
            : throw new HttpRequestException(
                $"refused to connect to '{host}': it resolves only to non-public addresses ({string.Join(", ", addresses.Select(a => a.ToString()))})");
    }

    private static bool IsAllowed(IPAddress address, bool allowPrivate) => allowPrivate || NetworkAddressClassifier.IsPublic(address);

    private Task<IPAddress[]> AddressesOfAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host, out var literal) ? Task.FromResult<IPAddress[]>([literal]) : resolver.ResolveAsync(host, ct);

    private static string HostOf(Uri url) => Normalize(url.IdnHost);

    // "[::1]" is the address ::1, and "127.0.0.1." (a fully qualified name) is still 127.0.0.1 to the network stack.
    private static string Normalize(string host) => host.Trim('[', ']').TrimEnd('.');
}
