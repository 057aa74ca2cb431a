using Microsoft.Extensions.Options;
using SmartHome.Cloud.Options;

namespace SmartHome.Cloud.Broker;

/// <summary>
/// Where the core's MQTT broker listens. For the embedded broker configured with port 0, <see cref="Port"/> is the
/// free port it picked, known once the host has started (AllInOne and tests point gateways at it).
/// </summary>
public sealed class BrokerEndpoint(IOptions<BrokerOptions> options)
{
    private int boundPort;

    public bool Embedded => options.Value.Embedded;

    public string Host => options.Value.Embedded ? "127.0.0.1" : options.Value.Host;

    public int Port => Volatile.Read(ref boundPort) is var bound and > 0 ? bound : options.Value.Port;

    internal void UsePort(int port) => Volatile.Write(ref boundPort, port);
}
