using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Gateway.Uplink;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Uplink;

public sealed class ClockRestampTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan NtpStep = TestData.Start - SteppedClock.Epoch;

    [Fact]
    public async Task Publish_EnvelopeStampedBeforeTheClockSynced_IsSentCorrectedByTheStepAndMarkedRestamped()
    {
        var time = new SteppedClock(SteppedClock.Epoch);
        var probe = new FakeClockSyncProbe(synchronized: false);
        await using var broker = await EmbeddedMqttBroker.StartNewAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        await using var sut = UplinkHarness.Create(broker.Port, time, clockProbe: probe);
        time.Advance(TimeSpan.FromSeconds(5));
        await sut.Outbox.AppendAsync(StampedByTheGateway(time), CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(20));
        time.StepWall(NtpStep);
        probe.Synchronized = true;
        await sut.Sut.StartAsync(CancellationToken.None);

        var envelope = await Eventually.GetAsync(() => Task.FromResult(sut.Envelopes(subscriber).FirstOrDefault()), Timeout, "the envelope");
        Assert.True(envelope.ClockSynced);
        Assert.True(envelope.Restamped);
        Assert.Equal(TestData.Start.AddSeconds(5), envelope.SentAt);
        var record = Assert.Single(envelope.Records);
        Assert.Equal(TestData.Start.AddSeconds(5), record.At);
        Assert.Null(record.ClockSynced);
    }

    [Fact]
    public async Task Publish_ClockStillUnsynchronised_SendsTheEnvelopeFlaggedAndUncorrected()
    {
        var time = new SteppedClock(SteppedClock.Epoch);
        await using var broker = await EmbeddedMqttBroker.StartNewAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        await using var sut = await UplinkHarness.StartAsync(broker.Port, time, clockProbe: new FakeClockSyncProbe(synchronized: false));
        await Eventually.TrueAsync(() => sut.Connectivity.Current.State == UplinkState.Connected, Timeout, "the uplink to connect");

        await sut.Outbox.AppendAsync(StampedByTheGateway(time), CancellationToken.None);

        var envelope = await Eventually.GetAsync(() => Task.FromResult(sut.Envelopes(subscriber).FirstOrDefault()), Timeout, "the envelope");
        Assert.False(envelope.ClockSynced);
        Assert.Null(envelope.Restamped);
        Assert.Equal((SteppedClock.Epoch, false), (envelope.Records[0].At, envelope.Records[0].ClockSynced));
    }

    /// <summary>A record stamped on arrival while the clock is unsynchronised, as the appliance link makes it.</summary>
    private static TelemetryRecord StampedByTheGateway(TimeProvider time) =>
        TestData.Temperature(3.5) with { At = time.GetUtcNow(), ClockSynced = false };
}
