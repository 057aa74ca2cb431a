using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Gateway.Uplink;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Uplink;

public sealed class UplinkServiceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Connect_BrokerUp_PublishesRetainedOnlineStatusWithTheBootId()
    {
        await using var broker = await StartBrokerAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        await using var sut = await UplinkHarness.StartAsync(broker.Port);

        await Eventually.TrueAsync(() => sut.Connectivity.Current.State == UplinkState.Connected, Timeout, "the uplink to connect");

        var status = await Eventually.GetAsync(() => Task.FromResult(Statuses(subscriber, sut).FirstOrDefault()), Timeout, "the online status");
        Assert.Equal(OnlineState.Online, status.State);
        Assert.Equal(sut.Identity.BootId, status.BootId);
        Assert.Equal(sut.Identity.Version, status.Version);
        Assert.Contains("\"online\"", await broker.RetainedPayloadAsync(sut.StatusTopic), StringComparison.Ordinal);
        Assert.NotNull(sut.Connectivity.Current.ConnectedSince);
    }

    [Fact]
    public async Task Publish_RecordsWrittenWhileConnected_ArriveAsOneEnvelopeAndTheCursorAdvances()
    {
        await using var broker = await StartBrokerAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        await using var sut = await UplinkHarness.StartAsync(broker.Port);
        await Eventually.TrueAsync(() => sut.Connectivity.Current.State == UplinkState.Connected, Timeout, "the uplink to connect");

        await sut.Outbox.AppendAsync(TestData.Temperature(4.5), CancellationToken.None);

        var envelope = await Eventually.GetAsync(() => Task.FromResult(sut.Envelopes(subscriber).FirstOrDefault()), Timeout, "the envelope");
        Assert.Equal(1, envelope.Seq);
        Assert.Equal(sut.Identity.GatewayId, envelope.GatewayId);
        var record = Assert.Single(envelope.Records);
        Assert.Equal(4.5, record.Celsius);
        Assert.False(record.Historical);
        await Eventually.TrueAsync(() => sut.Outbox.AckedSeq == 1, Timeout, "the cursor to advance");
        Assert.Equal(0, sut.Outbox.GetStatus().PendingEnvelopes);
        await Eventually.TrueAsync(() => sut.Metrics.Snapshot().EnvelopesPublished == 1, Timeout, "the envelope to be counted");
    }

    [Fact]
    public async Task Publish_ManyEnvelopes_ArriveInSeqOrderOnce()
    {
        await using var broker = await StartBrokerAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        await using var sut = await UplinkHarness.StartAsync(broker.Port);
        await Eventually.TrueAsync(() => sut.Connectivity.Current.State == UplinkState.Connected, Timeout, "the uplink to connect");

        for (var i = 0; i < 100; i++)
        {
            await sut.Outbox.AppendAsync(TestData.Temperature(i), CancellationToken.None);
        }

        await Eventually.TrueAsync(() => sut.Outbox.AckedSeq == 100, Timeout, "every envelope to be acknowledged");
        await Eventually.TrueAsync(() => sut.Envelopes(subscriber).Count() == 100, Timeout, "every envelope to arrive");
        Assert.Equal(Enumerable.Range(1, 100).Select(seq => (long)seq), sut.Envelopes(subscriber).Select(envelope => envelope.Seq));
    }

    [Fact]
    public async Task Connection_DroppedUngracefully_BrokerPublishesTheLastWillOfflineThenTheUplinkReconnects()
    {
        await using var broker = await StartBrokerAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        await using var sut = await UplinkHarness.StartAsync(broker.Port);
        await Eventually.TrueAsync(() => sut.Connectivity.Current.State == UplinkState.Connected, Timeout, "the uplink to connect");

        await broker.Server.DisconnectClientAsync(sut.ClientId, new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.AdministrativeAction });

        await Eventually.TrueAsync(() => Statuses(subscriber, sut).Count() >= 3, Timeout, "the last will and a new online status");
        var states = Statuses(subscriber, sut).Take(3).ToList();
        Assert.Equal([OnlineState.Online, OnlineState.Offline, OnlineState.Online], states.Select(status => status.State));
        Assert.All(states, status => Assert.Equal(sut.Identity.BootId, status.BootId));
        await Eventually.TrueAsync(() => sut.Connectivity.Current is { State: UplinkState.Connected, Reconnects: 1 }, Timeout, "the reconnect to be counted");
    }

    [Fact]
    public async Task Publish_BrokerDown_EnvelopeStaysPendingThenIsDeliveredAsHistoricalWhenTheBrokerComesUp()
    {
        var time = new FakeTimeProvider(TestData.Start);
        var broker = new EmbeddedMqttBroker();
        await using var sut = await UplinkHarness.StartAsync(broker.Port, time);
        await Eventually.TrueAsync(() => sut.Connectivity.Current.LastError is not null, Timeout, "a failed connection attempt");

        await sut.Outbox.AppendAsync(TestData.Temperature(2.5), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, sut.Outbox.AckedSeq);
        Assert.Equal(1, sut.Outbox.GetStatus().PendingEnvelopes);
        await using (broker)
        {
            await broker.StartAsync();
            await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);

            var envelope = await Eventually.GetAsync(
                () =>
                {
                    time.Advance(TimeSpan.FromSeconds(1));
                    return Task.FromResult(sut.Envelopes(subscriber).FirstOrDefault());
                },
                Timeout,
                "the envelope once the broker is up");

            Assert.Equal(1, envelope.Seq);
            Assert.True(Assert.Single(envelope.Records).Historical);
            await Eventually.TrueAsync(() => sut.Outbox.AckedSeq == 1, Timeout, "the cursor to advance");
            await Eventually.TrueAsync(() => sut.Metrics.Snapshot().HistoricalEnvelopesPublished == 1, Timeout, "the historical envelope to be counted");
        }
    }

    [Fact]
    public async Task Publish_BrokerRefusesThePublish_CursorStaysUntilTheBrokerAccepts()
    {
        await using var broker = await StartBrokerAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        await using var sut = await UplinkHarness.StartAsync(broker.Port);
        broker.Refuse = message => message.Topic == sut.TelemetryTopic ? MqttPubAckReasonCode.QuotaExceeded : null;
        await Eventually.TrueAsync(() => sut.Connectivity.Current.State == UplinkState.Connected, Timeout, "the uplink to connect");

        await sut.Outbox.AppendAsync(TestData.Temperature(1), CancellationToken.None);
        await Eventually.TrueAsync(() => sut.Metrics.Snapshot().PublishesRefused >= 2, Timeout, "the broker to refuse twice");

        Assert.Equal(0, sut.Outbox.AckedSeq);
        Assert.Equal(1, sut.Outbox.GetStatus().PendingEnvelopes);
        broker.Refuse = null;
        await Eventually.TrueAsync(() => sut.Outbox.AckedSeq == 1, Timeout, "the envelope to be accepted");
        await Eventually.TrueAsync(() => sut.Envelopes(subscriber).Any(), Timeout, "the envelope at the subscriber");
        Assert.Equal(1, Assert.Single(sut.Envelopes(subscriber)).Seq);
    }

    [Fact]
    public async Task Publish_NobodySubscribed_EnvelopeStaysPendingUntilTheCloudListens()
    {
        await using var broker = await StartBrokerAsync();
        await using var sut = await UplinkHarness.StartAsync(broker.Port);
        await Eventually.TrueAsync(() => sut.Connectivity.Current.State == UplinkState.Connected, Timeout, "the uplink to connect");

        await sut.Outbox.AppendAsync(TestData.Temperature(1), CancellationToken.None);
        await Eventually.TrueAsync(() => sut.Metrics.Snapshot().PublishesWithoutSubscribers >= 2, Timeout, "two publishes nobody received");

        Assert.Equal(0, sut.Outbox.AckedSeq);
        Assert.Equal(1, sut.Outbox.GetStatus().PendingEnvelopes);
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        await Eventually.TrueAsync(() => sut.Outbox.AckedSeq == 1, Timeout, "the envelope to be delivered once the cloud listens");
        var delivered = await Eventually.GetAsync(() => Task.FromResult(sut.Envelopes(subscriber).FirstOrDefault()), Timeout, "the envelope at the subscriber");
        Assert.Equal(1, delivered.Seq);
    }

    [Fact]
    public async Task StopAsync_Connected_PublishesOfflineStatusAndDisconnects()
    {
        await using var broker = await StartBrokerAsync();
        await using var sut = await UplinkHarness.StartAsync(broker.Port);
        await Eventually.TrueAsync(() => sut.Connectivity.Current.State == UplinkState.Connected, Timeout, "the uplink to connect");

        await sut.Sut.StopAsync(CancellationToken.None);

        Assert.Contains("\"offline\"", await broker.RetainedPayloadAsync(sut.StatusTopic), StringComparison.Ordinal);
        Assert.Equal(UplinkState.Disconnected, sut.Connectivity.Current.State);
        await Eventually.TrueAsync(async () => (await broker.Server.GetClientsAsync()).Count == 0, Timeout, "the broker to see the disconnect");
    }

    private static async Task<EmbeddedMqttBroker> StartBrokerAsync()
    {
        var broker = new EmbeddedMqttBroker();
        await broker.StartAsync();
        return broker;
    }


    private static IEnumerable<GatewayStatus> Statuses(TestSubscriber subscriber, UplinkHarness harness) =>
        subscriber.On(harness.StatusTopic).Select(message => JsonSerializer.Deserialize(message.Payload, ContractsJsonContext.Default.GatewayStatus)!);
}
