using Microsoft.Extensions.Time.Testing;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Gateway.Uplink;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Uplink;

public sealed class ReplayTests
{
    private const int ReplayRate = 10;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Replay_BigBacklog_LiveRecordOvertakesItAndTheBacklogArrivesCompleteInOrderAndHistorical()
    {
        const int backlog = 200;
        var time = new FakeTimeProvider(TestData.Start);
        await using var broker = await EmbeddedMqttBroker.StartNewAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        await using var sut = await StartWithBacklogAsync(broker, time, backlog);

        await sut.Outbox.AppendAsync(TestData.Temperature(99), CancellationToken.None);

        // The fake clock stands still: the replay may send its first second's worth, the live envelope goes at once.
        var live = await Eventually.GetAsync(
            () => Task.FromResult(sut.Envelopes(subscriber).FirstOrDefault(envelope => envelope.Seq == backlog + 1)), Timeout, "the live envelope");
        Assert.False(Assert.Single(live.Records).Historical);
        Assert.InRange(sut.Envelopes(subscriber).Count(envelope => envelope.Seq <= backlog), 0, ReplayRate);

        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return sut.Envelopes(subscriber).Count() == backlog + 1;
            },
            Timeout,
            "the whole backlog");
        var replayed = sut.Envelopes(subscriber).Where(envelope => envelope.Seq <= backlog).ToList();
        Assert.Equal(Enumerable.Range(1, backlog).Select(seq => (long)seq), replayed.Select(envelope => envelope.Seq));
        Assert.Equal(Enumerable.Range(0, backlog).Select(celsius => (double?)celsius), replayed.Select(envelope => envelope.Records[0].Celsius));
        Assert.All(replayed, envelope => Assert.True(Assert.Single(envelope.Records).Historical));
        await Eventually.TrueAsync(() => sut.Outbox.AckedSeq == backlog + 1, Timeout, "the cursor to pass the live envelope");
        Assert.Equal(0, sut.Outbox.GetStatus().PendingEnvelopes);
    }

    [Fact]
    public async Task Replay_Backlog_SendsAtMostReplayRateEnvelopesInEverySecondOfTheClock()
    {
        const int backlog = 45;
        var time = new FakeTimeProvider(TestData.Start);
        await using var broker = await EmbeddedMqttBroker.StartNewAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        await using var sut = await StartWithBacklogAsync(broker, time, backlog);

        var perSecond = new List<int>();
        var arrived = 0;
        while (arrived < backlog)
        {
            // Waits for what the rate allows in this second, then counts what came (more, if the rate were not kept).
            var allowed = Math.Min(backlog, arrived + ReplayRate);
            await Eventually.TrueAsync(() => sut.Envelopes(subscriber).Count() >= allowed, Timeout, $"{allowed} envelopes");
            var now = sut.Envelopes(subscriber).Count();
            perSecond.Add(now - arrived);
            arrived = now;
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([10, 10, 10, 10, 5], perSecond);
        Assert.Equal(Enumerable.Range(1, backlog).Select(seq => (long)seq), sut.Envelopes(subscriber).Select(envelope => envelope.Seq));
    }

    /// <summary>An uplink whose outbox holds <paramref name="backlog"/> envelopes written a minute ago, connected.</summary>
    private static async Task<UplinkHarness> StartWithBacklogAsync(EmbeddedMqttBroker broker, FakeTimeProvider time, int backlog)
    {
        var harness = UplinkHarness.Create(broker.Port, time, configure: uplink => uplink.ReplayRate = ReplayRate);
        for (var i = 0; i < backlog; i++)
        {
            await harness.Outbox.AppendAsync(TestData.Temperature(i), CancellationToken.None);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        await harness.Sut.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => harness.Connectivity.Current.State == UplinkState.Connected, Timeout, "the uplink to connect");
        return harness;
    }
}
