using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Options;

namespace SmartHome.Cloud.Broker;

/// <summary>
/// The default broker (unless <c>SmartHome:Cloud:Broker:Embedded</c> is false): an MQTTnet server inside the cloud process, on 127.0.0.1 only. When a username is configured
/// every client must present it (with the password); otherwise anonymous clients are accepted, which is safe only
/// because nothing outside this machine can reach a loopback listener. Partners may connect either way, with their id
/// and API key, and partner topics follow <see cref="PartnerTopicAccess"/>. Gateways have no identity here (anonymous or
/// the one shared account, any client id), so every other client may read every household's topics, notifications
/// included; deploy/broker's Mosquitto ACL gives each gateway its own household's only.
/// </summary>
internal sealed class EmbeddedBroker(IOptions<BrokerOptions> options, BrokerEndpoint endpoint, PartnerTopicAccess access, ILogger<EmbeddedBroker> logger)
    : IHostedService, IAsyncDisposable
{
    private MqttServer? server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Embedded)
        {
            return;
        }

        var port = endpoint.Port == 0 ? PickFreePort() : endpoint.Port;
        var factory = new MqttServerFactory();
        var serverOptions = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(port)
            .WithPersistentSessions()
            .Build();
        server = factory.CreateMqttServer(serverOptions);
        server.ValidatingConnectionAsync += ValidateConnectionAsync;
        server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        server.InterceptingPublishAsync += InterceptPublishAsync;
        server.InterceptingClientEnqueueAsync += InterceptEnqueueAsync;
        try
        {
            await server.StartAsync();
        }
        catch (SocketException ex)
        {
            throw new InvalidOperationException(
                $"SmartHome:Cloud:Broker:Port {port} cannot be used for the embedded broker on 127.0.0.1: {ex.Message}", ex);
        }

        endpoint.UsePort(port);
        Log.EmbeddedBrokerStarted(logger, port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is { IsStarted: true })
        {
            await server.StopAsync();
            Log.EmbeddedBrokerStopped(logger);
        }
    }

    public ValueTask DisposeAsync()
    {
        server?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ValidateConnectionAsync(ValidatingConnectionEventArgs args)
    {
        if (await access.AuthenticatePartnerAsync(args.ClientId, args.UserName, args.Password, CancellationToken.None))
        {
            return;
        }

        var expected = options.Value;
        if (!string.IsNullOrEmpty(expected.Username)
            && !(SecretComparison.AreEqual(expected.Username, args.UserName) && SecretComparison.AreEqual(expected.Password ?? string.Empty, args.Password ?? string.Empty)))
        {
            args.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            Log.EmbeddedBrokerRefusedClient(logger, args.ClientId);
        }
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs args)
    {
        if (!access.MaySubscribe(args.ClientId, args.TopicFilter.Topic))
        {
            args.ProcessSubscription = false;
            args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            Log.EmbeddedBrokerRefusedSubscription(logger, args.ClientId, args.TopicFilter.Topic);
        }

        return Task.CompletedTask;
    }

    private Task InterceptPublishAsync(InterceptingPublishEventArgs args)
    {
        if (!access.MayPublish(args.ClientId, args.ApplicationMessage.Topic))
        {
            args.ProcessPublish = false;
            args.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            Log.EmbeddedBrokerRefusedPublish(logger, args.ClientId, args.ApplicationMessage.Topic);
        }

        return Task.CompletedTask;
    }

    private Task InterceptEnqueueAsync(InterceptingClientApplicationMessageEnqueueEventArgs args)
    {
        args.AcceptEnqueue = access.MayReceive(args.ReceiverClientId, args.ApplicationMessage.Topic);
        return Task.CompletedTask;
    }

    private static int PickFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
