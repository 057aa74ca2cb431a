using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.UnitTests.Clock;

public sealed class GatewayClockTests
{
    private static readonly TimeSpan NtpStep = TestData.Start - SteppedClock.Epoch;

    [Fact]
    public void IsSynchronized_ProbeSynchronisedAtStart_HasNoCorrection()
    {
        var time = new SteppedClock(TestData.Start);

        var sut = FakeClockSyncProbe.Clock(time);

        Assert.True(sut.IsSynchronized());
        Assert.Equal(TimeSpan.Zero, sut.Correction);
    }

    [Fact]
    public void Correction_WallClockSteppedByNtpAfterStart_IsTheStep()
    {
        var time = new SteppedClock(SteppedClock.Epoch);
        var probe = new FakeClockSyncProbe(synchronized: false);
        var sut = FakeClockSyncProbe.Clock(time, probe);
        time.Advance(TimeSpan.FromSeconds(40));
        Assert.False(sut.IsSynchronized());
        Assert.Null(sut.Correction);

        time.StepWall(NtpStep);
        time.Advance(TimeSpan.FromSeconds(2));
        probe.Synchronized = true;

        Assert.True(sut.IsSynchronized());
        Assert.Equal(NtpStep, sut.Correction);
    }

    [Fact]
    public void IsSynchronized_ProbeLosesSyncLater_StaysSynchronisedWithTheSameCorrection()
    {
        var time = new SteppedClock(SteppedClock.Epoch);
        var probe = new FakeClockSyncProbe(synchronized: false);
        var sut = FakeClockSyncProbe.Clock(time, probe);
        time.StepWall(NtpStep);
        probe.Synchronized = true;
        Assert.True(sut.IsSynchronized());

        probe.Synchronized = false;
        time.StepWall(TimeSpan.FromSeconds(3));

        Assert.True(sut.IsSynchronized());
        Assert.Equal(NtpStep, sut.Correction);
    }

    [Fact]
    public void IsSynchronized_AssumeSyncedConfigured_TrustsTheClockWithoutTheProbe()
    {
        var time = new SteppedClock(SteppedClock.Epoch);

        var sut = FakeClockSyncProbe.Clock(time, new FakeClockSyncProbe(synchronized: false), assumeSynced: true);

        Assert.True(sut.IsSynchronized());
        Assert.Equal(TimeSpan.Zero, sut.Correction);
    }
}
