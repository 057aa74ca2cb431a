using Microsoft.Extensions.Time.Testing;
using SmartHome.Gateway.Systemd;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Systemd;

public sealed class OutboxWriterLivenessTests : IDisposable
{
    private static readonly TimeSpan StalledAfter = OutboxWriterLivenessCheck.StalledAfter;
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(TestData.Start);
    private readonly StallingClockSyncProbe _probe = new();

    public void Dispose()
    {
        _probe.Release();
        _probe.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task FindWriterProblem_CommitHangsLongerThanTheLimit_ReportsItUntilTheWriteFinishes()
    {
        await using var outbox = TestOutbox.Open(_directory.Path, time: _time, clock: FakeClockSyncProbe.Clock(_time, _probe));
        await outbox.AppendAsync(TestData.Temperature(4), CancellationToken.None);
        Assert.Null(outbox.FindWriterProblem(StalledAfter));

        _probe.Stall();
        var append = outbox.AppendAsync(TestData.Temperature(5), CancellationToken.None);
        await Eventually.TrueAsync(() => Task.FromResult(_probe.Stalled), TimeSpan.FromSeconds(10), "the writer to be inside its commit");
        _time.Advance(StalledAfter);
        Assert.Null(outbox.FindWriterProblem(StalledAfter));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("an outbox write has not finished after 61 s", outbox.FindWriterProblem(StalledAfter));

        _probe.Release();
        await append;
        Assert.Null(outbox.FindWriterProblem(StalledAfter));
    }

    [Fact]
    public async Task FindWriterProblem_WriterEnded_SaysSo()
    {
        var outbox = TestOutbox.Open(_directory.Path, time: _time);
        await outbox.DisposeAsync();

        Assert.Equal("the outbox writer ended", outbox.FindWriterProblem(StalledAfter));
    }
}
