using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SmartHome.Cloud.Delivery;

namespace SmartHome.Cloud.UnitTests.Delivery;

/// <summary>A DNS server whose answers the test sets and changes; a name it was not told about does not resolve.</summary>
internal sealed class FakeHostAddressResolver : IHostAddressResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> answers = new(StringComparer.OrdinalIgnoreCase);

    public void Answer(string host, params string[] addresses) => answers[host] = [.. addresses.Select(IPAddress.Parse)];

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        answers.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
}
