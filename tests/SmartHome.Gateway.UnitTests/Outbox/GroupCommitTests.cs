using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.UnitTests.Outbox;

public sealed class GroupCommitTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AppendAsync_RecordsArrivingWithinTheLinger_AreCommittedAsOneEnvelope()
    {
        var metrics = TestData.NewMetrics();
        await using var sut = TestOutbox.Open(_directory.Path, metrics, configure: settings => settings with { Linger = TimeSpan.FromMilliseconds(500) });

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => sut.AppendAsync(TestData.Temperature(i), CancellationToken.None)));

        var entry = Assert.Single(sut.GetPending(0, 10));
        Assert.Equal(100, entry.RecordCount);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (double?)i), DurableOutboxTests.ReadEnvelope(sut, entry).Records.Select(record => record.Celsius));
        Assert.Equal(1, metrics.Snapshot().EnvelopesWritten);
    }

    [Fact]
    public async Task AppendAsync_MoreRecordsThanABatchHolds_AreSplitIntoFullBatches()
    {
        await using var sut = TestOutbox.Open(_directory.Path, configure: settings => settings with
        {
            Linger = TimeSpan.FromMilliseconds(500),
            MaxBatchRecords = 10,
        });

        await Task.WhenAll(Enumerable.Range(0, 25).Select(i => sut.AppendAsync(TestData.Temperature(i), CancellationToken.None)));

        var pending = sut.GetPending(0, 10);
        Assert.Equal([1L, 2, 3], pending.Select(entry => entry.Seq));
        Assert.Equal([10, 10, 5], pending.Select(entry => entry.RecordCount));
    }

    [Fact]
    public async Task AppendAsync_Completes_OnlyOnceTheBatchIsOnDisk()
    {
        // A linger no test run reaches: the batch is committed only when the second record fills it.
        await using var sut = TestOutbox.Open(_directory.Path, configure: settings => settings with
        {
            Linger = TimeSpan.FromHours(1),
            MaxBatchRecords = 2,
        });

        var first = sut.AppendAsync(TestData.Temperature(1), CancellationToken.None);
        await Task.Yield();
        Assert.False(first.IsCompleted);
        Assert.Empty(sut.GetPending(0, 10));

        await sut.AppendAsync(TestData.Temperature(2), CancellationToken.None);
        await first;
        Assert.Equal(2, Assert.Single(sut.GetPending(0, 10)).RecordCount);
    }
}
