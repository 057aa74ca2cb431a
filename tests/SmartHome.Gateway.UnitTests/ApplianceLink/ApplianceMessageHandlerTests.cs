using System.Buffers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SmartHome.Gateway.ApplianceLink;
using SmartHome.Gateway.UnitTests.Outbox;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.UnitTests.ApplianceLink;

public sealed class ApplianceMessageHandlerTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task HandleAsync_ClockNotSynchronised_FlagsTheEnvelopeAndTheTimesItStampedButNotTheFirmwaresTimes()
    {
        var time = new SteppedClock(SteppedClock.Epoch);
        var clock = FakeClockSyncProbe.Clock(time, new FakeClockSyncProbe(synchronized: false));
        await using var outbox = TestOutbox.Open(_directory.Path, time: time, clock: clock);
        var sut = new ApplianceMessageHandler(outbox, clock, time, TestData.NewMetrics(), NullLogger<ApplianceMessageHandler>.Instance);

        await HandleAsync(sut, "appliance/fridge-1/temperature", """{"sensor":"fridge","celsius":4.2}""");
        await HandleAsync(sut, "appliance/fridge-1/temperature", """{"sensor":"fridge","celsius":4.3,"at":"2026-11-23T09:59:00Z"}""");

        var envelopes = outbox.GetPending(0, 10).Select(entry => DurableOutboxTests.ReadEnvelope(outbox, entry)).ToList();
        Assert.All(envelopes, envelope => Assert.False(envelope.ClockSynced));
        var stamped = envelopes[0].Records[0];
        Assert.Equal((SteppedClock.Epoch, false), (stamped.At, stamped.ClockSynced));
        Assert.Null(envelopes[1].Records[0].ClockSynced);
    }

    [Fact]
    public async Task HandleAsync_ClockSynchronised_FlagsNothing()
    {
        var time = new SteppedClock(TestData.Start);
        var clock = FakeClockSyncProbe.Clock(time);
        await using var outbox = TestOutbox.Open(_directory.Path, time: time, clock: clock);
        var sut = new ApplianceMessageHandler(outbox, clock, time, TestData.NewMetrics(), NullLogger<ApplianceMessageHandler>.Instance);

        await HandleAsync(sut, "appliance/fridge-1/door", """{"door":"main","state":"open"}""");

        var envelope = DurableOutboxTests.ReadEnvelope(outbox, Assert.Single(outbox.GetPending(0, 10)));
        Assert.True(envelope.ClockSynced);
        Assert.Equal((TestData.Start, (bool?)null), (envelope.Records[0].At, envelope.Records[0].ClockSynced));
    }

    private static async Task HandleAsync(ApplianceMessageHandler sut, string topic, string payload) =>
        Assert.Null(await sut.HandleAsync(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), retain: false, CancellationToken.None));
}
