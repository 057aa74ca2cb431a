using System.Net;
using System.Net.Sockets;
using MQTTnet.Server;
using SmartHome.Contracts.Validation;

namespace SmartHome.Gateway.ApplianceLink;

/// <summary>
/// An MQTTnet broker on 127.0.0.1 that appliances publish to. Every publish is handled inside the server's
/// intercepting hook, which MQTTnet awaits before it queues the PUBACK: an appliance is acknowledged only once its
/// record is durable in the outbox. When storing fails, the connection is closed without an acknowledgement. Messages
/// that <c>isLocalTraffic(clientId, topic)</c> claims (Home Assistant discovery) are routed like on any broker instead.
/// </summary>
internal sealed class EmbeddedApplianceBroker(
    ApplianceMessageHandler handler, int requestedPort, ILogger logger, Func<string, string, bool>? isLocalTraffic = null) : IApplianceLink, IDisposable
{
    private MqttServer? _server;

    public string Mode => "embedded";

    /// <summary>The port listened on; with a requested port of 0, the one picked at start.</summary>
    public int Port { get; private set; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Port = requestedPort == 0 ? PickFreePort() : requestedPort;
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(Port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        _server.InterceptingPublishAsync += OnPublishAsync;
        await _server.StartAsync();
        Log.EmbeddedListening(logger, Endpoint);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true } server)
        {
            await server.StopAsync();
            Log.Stopped(logger);
        }
    }

    public void Dispose() => _server?.Dispose();

    /// <summary>MQTTnet does not report the port it bound, so port 0 is resolved to a free port first.</summary>
    private static int PickFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task OnPublishAsync(InterceptingPublishEventArgs args)
    {
        var message = args.ApplicationMessage;
        if (isLocalTraffic?.Invoke(args.ClientId, message.Topic) == true)
        {
            return;
        }

        Rejection? rejection;
        try
        {
            rejection = await handler.HandleAsync(message.Topic, message.Payload, message.Retain, args.CancellationToken);
        }
        catch (Exception)
        {
            args.ProcessPublish = false;
            args.CloseConnection = true;
            return;
        }

        // A rejected message is acknowledged like any other (contract: the gateway does not answer the appliance,
        // and a refusing PUBACK would make some clients send the same bad message forever); it goes no further.
        args.ProcessPublish = rejection is null;
    }
}
