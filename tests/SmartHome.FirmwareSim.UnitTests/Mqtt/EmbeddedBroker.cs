using System.Net;
using System.Net.Sockets;
using MQTTnet;
using MQTTnet.Server;

namespace SmartHome.FirmwareSim.UnitTests.Mqtt;

/// <summary>A real MQTTnet server on a free loopback port, standing in for a gateway's appliance link.</summary>
internal sealed class EmbeddedBroker : IAsyncDisposable
{
    private EmbeddedBroker(MqttServer server, int port)
    {
        Server = server;
        Port = port;
    }

    public MqttServer Server { get; }

    public int Port { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<EmbeddedBroker> StartAsync(int? port = null)
    {
        var chosenPort = port ?? FreePort();
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(chosenPort)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync();
        return new EmbeddedBroker(server, chosenPort);
    }

    public async Task<string?> RetainedPayloadAsync(string topic) =>
        (await Server.GetRetainedMessagesAsync()).FirstOrDefault(m => m.Topic == topic)?.ConvertPayloadToString();

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync(new MqttServerStopOptions());
        Server.Dispose();
    }
}
