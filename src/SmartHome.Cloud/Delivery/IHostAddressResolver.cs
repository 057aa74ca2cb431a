using System.Net;

namespace SmartHome.Cloud.Delivery;

/// <summary>Resolves a webhook's host name to its addresses. A seam so tests can play a DNS server that changes its answer.</summary>
public interface IHostAddressResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

internal sealed class DnsHostAddressResolver : IHostAddressResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
