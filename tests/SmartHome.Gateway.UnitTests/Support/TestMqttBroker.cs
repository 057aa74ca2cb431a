using System.Collections.Concurrent;
using System.Net;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Support;

/// <summary>An embedded MQTTnet broker on a free loopback port that can be stopped and started again on the same port.</summary>
internal sealed class TestMqttBroker : IAsyncDisposable
{
    private MqttServer? _server;

    public int Port { get; } = FreePort.Next();

    /// <summary>When set, decides the PUBACK for every publish: return a reason code to refuse it, null to accept.</summary>
    public Func<MqttApplicationMessage, MqttPubAckReasonCode?>? Refuse { get; set; }

    public MqttServer Server => _server ?? throw new InvalidOperationException("the broker is not running");

    public async Task StartAsync()
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(Port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        _server.InterceptingPublishAsync += args =>
        {
            if (Refuse?.Invoke(args.ApplicationMessage) is { } reasonCode)
            {
                args.ProcessPublish = false;
                args.Response.ReasonCode = reasonCode;
            }

            return Task.CompletedTask;
        };
        await _server.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            await server.StopAsync();
            server.Dispose();
            _server = null;
        }
    }

    public async Task<string?> RetainedPayloadAsync(string topic)
    {
        var message = await Server.GetRetainedMessageAsync(topic);
        return message is null ? null : Encoding.UTF8.GetString(message.Payload);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>A real MQTT client that records every message on a topic filter.</summary>
internal sealed class TestSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public ConcurrentQueue<ReceivedMessage> Received { get; } = new();

    public static async Task<TestSubscriber> ConnectAsync(int port, string filter = "shg/v1/#")
    {
        var subscriber = new TestSubscriber();
        subscriber._client.ApplicationMessageReceivedAsync += args =>
        {
            var message = args.ApplicationMessage;
            subscriber.Received.Enqueue(new(message.Topic, Encoding.UTF8.GetString(message.Payload), message.Retain));
            return Task.CompletedTask;
        };
        await subscriber._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId("test-subscriber-" + Guid.NewGuid().ToString("N"))
            .Build());
        await subscriber._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce, noLocal: false, retainAsPublished: true, MqttRetainHandling.SendAtSubscribe)
            .Build());
        return subscriber;
    }

    public IEnumerable<ReceivedMessage> On(string topic) => Received.Where(message => message.Topic == topic);

    public async ValueTask DisposeAsync()
    {
        await _client.TryDisconnectAsync();
        _client.Dispose();
    }
}

internal sealed record ReceivedMessage(string Topic, string Payload, bool Retain);
