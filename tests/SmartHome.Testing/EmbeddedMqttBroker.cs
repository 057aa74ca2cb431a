using System.Collections.Concurrent;
using System.Net;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace SmartHome.Testing;

/// <summary>An embedded MQTTnet broker on a free loopback port that can be stopped and started again on the same port.</summary>
public sealed class EmbeddedMqttBroker(int? port = null) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _subscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _disconnections = new(StringComparer.Ordinal);
    private MqttServer? _server;

    public int Port { get; } = port ?? FreePort.Next();

    public static async Task<EmbeddedMqttBroker> StartNewAsync(int? port = null)
    {
        var broker = new EmbeddedMqttBroker(port);
        await broker.StartAsync();
        return broker;
    }

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
            .WithPersistentSessions(true)
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
        _server.ClientSubscribedTopicAsync += args =>
        {
            _subscriptions.AddOrUpdate(args.TopicFilter.Topic, 1, static (_, count) => count + 1);
            return Task.CompletedTask;
        };
        _server.ClientDisconnectedAsync += args =>
        {
            _disconnections.AddOrUpdate(args.ClientId, 1, static (_, count) => count + 1);
            return Task.CompletedTask;
        };
        await _server.StartAsync();
    }

    /// <summary>How many subscriptions to <paramref name="topicFilter"/> the broker registered, over all its runs.</summary>
    public int Subscriptions(string topicFilter) => _subscriptions.GetValueOrDefault(topicFilter);

    /// <summary>How many connections of <paramref name="clientId"/> ended, over all the broker's runs.</summary>
    public int Disconnections(string clientId) => _disconnections.GetValueOrDefault(clientId);

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

