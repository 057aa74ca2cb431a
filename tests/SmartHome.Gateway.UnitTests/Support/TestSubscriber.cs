using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace SmartHome.Gateway.UnitTests.Support;

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
