using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Twin;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Twin;

public class SeqGapTests
{
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Apply_LiveEnvelopesOvertakingTheReplayedBacklog_LeaveNoGap()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        foreach (var seq in new long[] { 1, 6, 7, 2, 3, 8, 4, 5 })
        {
            Receive(sut, twin, seq);
        }

        var gateway = twin.Gateways[0];
        Assert.Empty(gateway.Gaps);
        Assert.Equal((1L, 8L, 0L), (gateway.FirstSeq, gateway.LastSeq, gateway.MissingSeqs));
    }

    [Fact]
    public void Apply_AHoleBehindTheNewest_IsAGapUntilItArrives()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        Receive(sut, twin, 1);
        Receive(sut, twin, 5);

        var gap = Assert.Single(twin.Gateways[0].Gaps);
        Assert.Equal((2L, 4L, Start, false), (gap.From, gap.To, gap.Since, gap.Overdue));
        Assert.Equal(3, twin.Gateways[0].MissingSeqs);

        _time.Advance(TimeSpan.FromMinutes(1));
        Receive(sut, twin, 3);

        Assert.Equal([(2L, 2L, Start), (4L, 4L, Start)], twin.Gateways[0].Gaps.Select(g => (g.From, g.To, g.Since)));
    }

    [Fact]
    public void Evaluate_GapOpenLongerThanGapReportAfter_IsOverdueAndCountedOnceThenClosesWhenFilled()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        Receive(sut, twin, 1);
        Receive(sut, twin, 3);

        _time.Advance(TimeSpan.FromMinutes(9));
        sut.Evaluate(twin, _time.GetUtcNow());
        Assert.False(twin.Gateways[0].Gaps[0].Overdue);

        _time.Advance(TimeSpan.FromMinutes(1));
        sut.Evaluate(twin, _time.GetUtcNow());
        sut.Evaluate(twin, _time.GetUtcNow());
        Assert.True(twin.Gateways[0].Gaps[0].Overdue);
        Assert.Equal(1, twin.Gateways[0].OverdueGaps);

        Receive(sut, twin, 2);

        Assert.Empty(twin.Gateways[0].Gaps);
        Assert.Equal(1, twin.Gateways[0].OverdueGaps);
    }

    [Fact]
    public void Apply_OlderThanTheFirstSeqHeard_ExtendsTheRangeBackwards()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        Receive(sut, twin, 10);

        Receive(sut, twin, 7);

        var gateway = twin.Gateways[0];
        Assert.Equal((7L, 10L), (gateway.FirstSeq, gateway.LastSeq));
        Assert.Equal([(8L, 9L)], gateway.Gaps.Select(g => (g.From, g.To)));
    }

    [Fact]
    public void Apply_MoreGapsThanTheBound_GivesUpTheOldest()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        for (var i = 0; i <= SeqTracker.MaxGaps + 1; i++)
        {
            Receive(sut, twin, i * 3L);
        }

        var gateway = twin.Gateways[0];
        Assert.Equal(SeqTracker.MaxGaps, gateway.Gaps.Count);
        Assert.Equal(2, gateway.AbandonedSeqs);
        Assert.Equal(4, gateway.Gaps[0].From);
    }

    private static void Receive(Cloud.Core.HouseholdEngine sut, HouseholdTwin twin, long seq) =>
        sut.Apply(twin, Envelope(Temperature(Start, 4)) with { Seq = seq });
}
