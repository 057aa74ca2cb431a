using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace SmartHome.Testing;

/// <summary>An MQTT client playing an appliance or a listener in a test: publishes QoS 1 and collects what it hears.</summary>
public sealed class MqttTestClient : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private MqttTestClient(IMqttClient client) => _client = client;

    public ConcurrentQueue<(string Topic, string Payload)> Received { get; } = new();

    /// <summary>The MQTT 5 user properties of each message in <see cref="Received"/>, in the same order.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> ReceivedUserProperties { get; } = new();

    public static async Task<MqttTestClient> ConnectAsync(int port, params string[] subscriptions)
    {
        var sut = await ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port));
        foreach (var topic in subscriptions)
        {
            await sut._client.SubscribeAsync(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        return sut;
    }

    /// <summary>Connects with a username and password; throws <see cref="InvalidOperationException"/> when the broker refuses them.</summary>
    public static Task<MqttTestClient> ConnectAsAsync(int port, string username, string password) =>
        ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithCredentials(username, password));

    /// <summary>Subscribes with QoS 1 and answers what the broker granted or refused (the SUBACK's reason code).</summary>
    public async Task<MqttClientSubscribeResultCode> TrySubscribeAsync(string filter)
    {
        var result = await _client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        return result.Items.Single().ResultCode;
    }

    /// <summary>Publishes with QoS 1 and answers the PUBACK's reason code (e.g. not authorized).</summary>
    public async Task<MqttClientPublishReasonCode> TryPublishAsync(string topic, string payload)
    {
        var result = await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return result.ReasonCode;
    }

    /// <summary>Subscribes to what is published from now on only: the broker sends no retained copies (MQTT 5 retain handling).</summary>
    public Task SubscribeToNewAsync(string topic) =>
        _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(filter => filter.WithTopic(topic).WithAtLeastOnceQoS().WithRetainHandling(MqttRetainHandling.DoNotSendOnSubscribe))
            .Build());

    public Task PublishAsync(string topic, string payload) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    private static async Task<MqttTestClient> ConnectAsync(MqttClientOptionsBuilder options)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var sut = new MqttTestClient(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            sut.ReceivedUserProperties.Enqueue(
                e.ApplicationMessage.UserProperties?.ToDictionary(p => p.Name, p => Encoding.UTF8.GetString(p.ValueBuffer.Span), StringComparer.Ordinal) ?? new Dictionary<string, string>());
            sut.Received.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload)));
            return Task.CompletedTask;
        };
        var result = await client.ConnectAsync(options.WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException($"the broker refused the connection: {result.ResultCode}");
        }

        return sut;
    }

    /// <summary>Disconnects, unless the broker is already gone (a test stopped it).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _client.DisconnectAsync();
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException) when (!_client.IsConnected)
        {
        }

        _client.Dispose();
    }
}
