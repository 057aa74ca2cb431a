using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;
using SmartHome.Gateway.ApplianceLink;
using SmartHome.Gateway.Health;
using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.UnitTests.Outbox;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.ApplianceLink;

public sealed class EmbeddedApplianceBrokerTests : IAsyncLifetime
{
    private const string Temperature = """{"sensor":"fridge","celsius":3.9,"at":"2026-11-23T10:00:00Z"}""";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _directory = new();
    private readonly GatewayMetrics _metrics = TestData.NewMetrics();
    private readonly List<IMqttClient> _clients = [];
    private DurableOutbox _outbox = null!;
    private EmbeddedApplianceBroker _sut = null!;

    public async Task InitializeAsync()
    {
        _outbox = TestOutbox.Open(_directory.Path, _metrics);
        var handler = new ApplianceMessageHandler(_outbox, FakeClockSyncProbe.Clock(TimeProvider.System), TimeProvider.System, _metrics, NullLogger<ApplianceMessageHandler>.Instance);
        _sut = new EmbeddedApplianceBroker(handler, FreePort.Next(), NullLogger.Instance);
        await _sut.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _sut.StopAsync(CancellationToken.None);
        _sut.Dispose();
        await _outbox.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Publish_ValidTemperature_IsDurableInTheOutboxBeforeThePubAck()
    {
        var appliance = await ConnectAsync();

        var result = await PublishAsync(appliance, "appliance/fridge-1/temperature", Temperature);

        Assert.True(result.IsSuccess);
        var entry = Assert.Single(_outbox.GetPending(0, 10));
        var record = Assert.Single(DurableOutboxTests.ReadEnvelope(_outbox, entry).Records);
        Assert.Equal("fridge-1", record.Appliance);
        Assert.Equal(RecordKind.Temperature, record.Kind);
        Assert.Equal("fridge", record.Sensor);
        Assert.Equal(3.9, record.Celsius);
        Assert.Equal(1, _metrics.Snapshot().MessagesAccepted);
    }

    [Fact]
    public async Task Publish_MalformedJson_IsRejectedAndCountedAndTheLinkKeepsWorking()
    {
        var appliance = await ConnectAsync();

        var rejected = await PublishAsync(appliance, "appliance/fridge-1/temperature", "{\"sensor\":");
        var accepted = await PublishAsync(appliance, "appliance/fridge-1/temperature", Temperature);

        Assert.True(rejected.IsSuccess, "a rejected message is acknowledged, so the appliance does not resend it");
        Assert.True(accepted.IsSuccess);
        Assert.Equal(1, _metrics.Snapshot().MessagesRejected[RejectionCodes.MalformedJson]);
        Assert.Equal(1, _outbox.GetStatus().PendingRecords);
    }

    [Theory]
    [InlineData("appliance/fridge-1/humidity")]
    [InlineData("kitchen/fridge-1")]
    [InlineData("appliance/fridge 1/temperature")]
    public async Task Publish_BadTopic_IsRejectedAsBadTopic(string topic)
    {
        var appliance = await ConnectAsync();

        await PublishAsync(appliance, topic, Temperature);

        Assert.Equal(1, _metrics.Snapshot().MessagesRejected[RejectionCodes.BadTopic]);
        Assert.Empty(_outbox.GetPending(0, 10));
    }

    [Fact]
    public async Task Publish_CelsiusOutOfRange_IsRejectedAsInvalidField()
    {
        var appliance = await ConnectAsync();

        await PublishAsync(appliance, "appliance/fridge-1/temperature", """{"sensor":"fridge","celsius":150}""");

        Assert.Equal(1, _metrics.Snapshot().MessagesRejected[RejectionCodes.InvalidField]);
        Assert.Empty(_outbox.GetPending(0, 10));
    }

    [Fact]
    public async Task Publish_RetainedStatus_BecomesAStatusRecord()
    {
        var appliance = await ConnectAsync();

        await PublishAsync(appliance, "appliance/fridge-1/status", """{"state":"online","firmware":"1.2.0"}""", retain: true);

        var record = Assert.Single(DurableOutboxTests.ReadEnvelope(_outbox, _outbox.GetPending(0, 10)[0]).Records);
        Assert.Equal(RecordKind.Status, record.Kind);
        Assert.Equal(OnlineState.Online, record.Online);
        Assert.Equal("1.2.0", record.Firmware);
    }

    [Fact]
    public async Task Disconnect_ApplianceDropsWithoutGoodbye_ItsLastWillBecomesAnOfflineStatusRecord()
    {
        var appliance = await ConnectAsync(options => options
            .WithWillTopic("appliance/fridge-1/status")
            .WithWillPayload("""{"state":"offline"}""")
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));

        appliance.Dispose();

        await Eventually.TrueAsync(() => _outbox.GetStatus().PendingRecords == 1, Timeout, "the last will to be stored");
        var record = Assert.Single(DurableOutboxTests.ReadEnvelope(_outbox, _outbox.GetPending(0, 10)[0]).Records);
        Assert.Equal(OnlineState.Offline, record.Online);
    }

    [Fact]
    public async Task Publish_Mqtt311Appliance_IsStored()
    {
        var appliance = await ConnectAsync(options => options.WithProtocolVersion(MqttProtocolVersion.V311));

        await PublishAsync(appliance, "appliance/fridge-1/door", """{"door":"main","state":"open"}""");

        var record = Assert.Single(DurableOutboxTests.ReadEnvelope(_outbox, _outbox.GetPending(0, 10)[0]).Records);
        Assert.Equal(DoorState.Open, record.State);
    }

    [Fact]
    public async Task Publish_OutboxCannotStore_ClosesTheConnectionWithoutAPubAck()
    {
        // A communication timeout the test never reaches: without the closed connection, the publish would wait for it.
        var appliance = await ConnectAsync(options => options.WithTimeout(TimeSpan.FromMinutes(5)));
        var closed = new TaskCompletionSource<MqttClientDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        appliance.DisconnectedAsync += args =>
        {
            closed.TrySetResult(args);
            return Task.CompletedTask;
        };
        await _outbox.DisposeAsync();

        var publishing = PublishAsync(appliance, "appliance/fridge-1/temperature", Temperature);

        var disconnected = await closed.Task.WaitAsync(Timeout);
        Assert.True(disconnected.ClientWasConnected);
        var failure = await Record.ExceptionAsync(() => publishing.WaitAsync(Timeout));
        Assert.IsAssignableFrom<MqttCommunicationException>(failure);
        Assert.False(appliance.IsConnected);
        Assert.Equal(0, _metrics.Snapshot().MessagesAccepted);
    }

    private static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string topic, string payload, bool retain = false) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build());

    private async Task<IMqttClient> ConnectAsync(Func<MqttClientOptionsBuilder, MqttClientOptionsBuilder>? configure = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        _clients.Add(client);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _sut.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("appliance-" + Guid.NewGuid().ToString("N"));
        await client.ConnectAsync((configure?.Invoke(options) ?? options).Build());
        return client;
    }
}
