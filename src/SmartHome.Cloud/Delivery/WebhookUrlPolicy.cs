using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SmartHome.Cloud.Delivery;

/// <summary>
/// Decides whether a partner's webhook URL may be called: https only, no credentials in the URL, and no address
/// inside a private network unless <see cref="DeliveryOptions.AllowPrivateNetworks"/> says so. The same address check
/// runs again at each connection (see <see cref="WebhookHttpClientExtensions"/>), so DNS rebinding cannot get around it.
/// </summary>
public sealed class WebhookUrlPolicy(IOptionsMonitor<DeliveryOptions> options)
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

        if (Uri.CheckHostName(url.IdnHost.Trim('[', ']')) == UriHostNameType.Unknown)
        {
            return $"the webhook host '{url.IdnHost}' is not a valid host name";
        }

        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal)
            && !IsAllowed(literal, allowPrivate))
        {
            return $"the webhook URL points at a non-public address ({literal})";
        }

        return null;
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
            addresses = await Dns.GetHostAddressesAsync(url.IdnHost.Trim('[', ']'), ct);
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

    internal static bool IsAllowed(IPAddress address, bool allowPrivate) => allowPrivate || NetworkAddressClassifier.IsPublic(address);
}
