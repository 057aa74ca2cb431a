using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;
using SmartHome.Contracts;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;
using SmartHome.Gateway.ApplianceLink;
using SmartHome.Gateway.Health;
using SmartHome.Gateway.Mqtt;
using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.UnitTests.Outbox;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.ApplianceLink;

public sealed class ExternalApplianceSubscriberTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly string SubscriberClientId = MqttClientIds.ApplianceLink(TestData.Identity);
    private readonly TempDirectory _directory = new();
    private readonly GatewayMetrics _metrics = TestData.NewMetrics();
    private readonly EmbeddedMqttBroker _broker = new();
    private DurableOutbox _outbox = null!;
    private ExternalApplianceSubscriber _sut = null!;

    public Task InitializeAsync()
    {
        _outbox = TestOutbox.Open(_directory.Path, _metrics);
        var handler = new ApplianceMessageHandler(_outbox, FakeClockSyncProbe.Clock(TimeProvider.System), TimeProvider.System, _metrics, NullLogger<ApplianceMessageHandler>.Instance);
        _sut = new ExternalApplianceSubscriber(
            handler, new BrokerAddress("127.0.0.1", _broker.Port), TestData.Identity, UplinkHarness.FastConnectionTimings, TimeProvider.System, NullLogger.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _sut.StopAsync(CancellationToken.None);
        _sut.Dispose();
        await _broker.DisposeAsync();
        await _outbox.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Subscribe_RetainedStatusAndLaterMessages_AreStored()
    {
        await _broker.StartAsync();
        await PublishAsync("appliance/fridge-1/status", """{"state":"online","firmware":"1.2.0"}""", retain: true);
        await _sut.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _outbox.GetStatus().PendingRecords == 1, Timeout, "the retained status to be stored");

        await PublishAsync("appliance/fridge-1/temperature", """{"sensor":"fridge","celsius":4.1}""");

        await Eventually.TrueAsync(() => _outbox.GetStatus().PendingRecords == 2, Timeout, "the temperature to be stored");
        var kinds = _outbox.GetPending(0, 10).SelectMany(entry => DurableOutboxTests.ReadEnvelope(_outbox, entry).Records).Select(record => record.Kind);
        Assert.Equal([RecordKind.Status, RecordKind.Temperature], kinds);
        Assert.Equal("external", _sut.Mode);
    }

    [Fact]
    public async Task Subscribe_MalformedMessage_IsCountedAndTheSubscriptionKeepsWorking()
    {
        await _broker.StartAsync();
        await PublishAsync("appliance/fridge-1/status", """{"state":"online"}""", retain: true);
        await _sut.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _outbox.GetStatus().PendingRecords == 1, Timeout, "the subscription to be up");

        await PublishAsync("appliance/fridge-1/door", """{"door":"main","state":"ajar"}""");
        await PublishAsync("appliance/fridge-1/door", """{"door":"main","state":"open"}""");

        await Eventually.TrueAsync(() => _outbox.GetStatus().PendingRecords == 2, Timeout, "the valid door event to be stored");
        Assert.Equal(1, _metrics.Snapshot().MessagesRejected[RejectionCodes.MalformedJson]);
    }

    [Fact]
    public async Task Start_BrokerNotYetUp_SubscribesOnceItIs()
    {
        await _sut.StartAsync(CancellationToken.None);

        await _broker.StartAsync();
        await Eventually.TrueAsync(() => _broker.Subscriptions(Topics.ApplianceFilter) >= 1, Timeout, "the subscription to be registered");
        await PublishAsync("appliance/fridge-1/status", """{"state":"online"}""", retain: true);

        await Eventually.TrueAsync(() => _outbox.GetStatus().PendingRecords >= 1, Timeout, "the retained status to be stored");
        var record = Assert.Single(_outbox.GetPending(0, 10).SelectMany(entry => DurableOutboxTests.ReadEnvelope(_outbox, entry).Records));
        Assert.Equal(RecordKind.Status, record.Kind);
    }

    [Fact]
    public async Task Message_OutboxCannotStore_EndsTheConnectionSoTheBrokerRedeliversIt()
    {
        await _broker.StartAsync();
        await _sut.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _broker.Subscriptions(Topics.ApplianceFilter) == 1, Timeout, "the subscription to be registered");
        var blocker = Directory.CreateDirectory(OutboxSegment.Create(_directory.Path, 1).Path);

        await PublishAsync("appliance/fridge-1/temperature", """{"sensor":"fridge","celsius":4.1}""");

        await Eventually.TrueAsync(() => _broker.Disconnections(SubscriberClientId) >= 1, Timeout, "the subscriber to end its connection");
        blocker.Delete();
        await Eventually.TrueAsync(() => _outbox.GetStatus().PendingRecords == 1, Timeout, "the redelivered message to be stored");
    }

    [Fact]
    public async Task Start_BrokerRefusesTheSubscription_ReconnectsInsteadOfWaitingOnAUselessConnection()
    {
        await _broker.StartAsync();
        _broker.Server.InterceptingSubscriptionAsync += args =>
        {
            args.ProcessSubscription = false;
            args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            return Task.CompletedTask;
        };

        await _sut.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => _broker.Disconnections(SubscriberClientId) >= 2, Timeout, "the subscriber to retry");
    }

    private async Task PublishAsync(string topic, string payload, bool retain = false)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _broker.Port).Build());
        await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build());
        await client.DisconnectAsync();
    }
}
