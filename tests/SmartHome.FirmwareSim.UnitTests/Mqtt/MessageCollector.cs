using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;

namespace SmartHome.FirmwareSim.UnitTests.Mqtt;

/// <summary>A subscriber that keeps everything it receives, as a gateway would see it.</summary>
internal sealed class MessageCollector : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<ReceivedMessage> _received = new();

    public IReadOnlyCollection<ReceivedMessage> Received => _received;

    public static async Task<MessageCollector> SubscribeAsync(int port, string topicFilter, CancellationToken cancellationToken)
    {
        var collector = new MessageCollector();
        collector._client.ApplicationMessageReceivedAsync += args =>
        {
            var message = args.ApplicationMessage;
            collector._received.Enqueue(new ReceivedMessage(message.Topic, message.ConvertPayloadToString(), message.Retain, message.QualityOfServiceLevel));
            return Task.CompletedTask;
        };

        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId($"collector-{Guid.NewGuid():N}").Build();
        await collector._client.ConnectAsync(options, cancellationToken);
        await collector._client.SubscribeAsync(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);
        return collector;
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
    }
}

internal sealed record ReceivedMessage(string Topic, string Payload, bool Retain, MqttQualityOfServiceLevel QualityOfService);
