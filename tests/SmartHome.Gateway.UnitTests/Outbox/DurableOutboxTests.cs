using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Outbox;

public sealed class DurableOutboxTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AppendAsync_OneRecord_IsPendingAsASealedEnvelope()
    {
        var time = new FakeTimeProvider(TestData.Start);
        await using var sut = TestOutbox.Open(_directory.Path, time: time);

        await sut.AppendAsync(TestData.Temperature(3.9), CancellationToken.None);

        var entry = Assert.Single(sut.GetPending(0, 10));
        Assert.Equal(1, entry.Seq);
        Assert.Equal(1, entry.RecordCount);
        Assert.Equal(TestData.Start, entry.WrittenAt);
        var envelope = ReadEnvelope(sut, entry);
        Assert.Equal(1, envelope.Seq);
        Assert.Equal(TestData.Identity.HouseholdId, envelope.HouseholdId);
        Assert.Equal(TestData.Identity.GatewayId, envelope.GatewayId);
        Assert.Equal(TestData.Identity.BootId, envelope.BootId);
        Assert.Equal(TestData.Start, envelope.SentAt);
        Assert.NotEqual(Guid.Empty, envelope.MessageId);
        var record = Assert.Single(envelope.Records);
        Assert.Equal(3.9, record.Celsius);
        Assert.False(record.Historical);
    }

    [Fact]
    public async Task AppendAsync_SeveralBatches_GetStrictlyIncreasingSeqs()
    {
        await using var sut = TestOutbox.Open(_directory.Path);

        for (var i = 0; i < 5; i++)
        {
            await sut.AppendAsync(TestData.Temperature(i), CancellationToken.None);
        }

        Assert.Equal([1L, 2, 3, 4, 5], sut.GetPending(0, 10).Select(entry => entry.Seq));
        Assert.Equal([4L, 5], sut.GetPending(3, 10).Select(entry => entry.Seq));
        Assert.Equal([1L, 2], sut.GetPending(0, 2).Select(entry => entry.Seq));
    }

    [Fact]
    public async Task GetStatus_PendingEnvelopes_ReportsDepthAndOldestAge()
    {
        var time = new FakeTimeProvider(TestData.Start);
        await using var sut = TestOutbox.Open(_directory.Path, time: time);
        await sut.AppendAsync(TestData.Temperature(1), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(30));
        await sut.AppendAsync(TestData.Temperature(2), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(15));

        var status = sut.GetStatus();

        Assert.Equal(2, status.PendingEnvelopes);
        Assert.Equal(2, status.PendingRecords);
        Assert.Equal(45, status.OldestPendingAgeSeconds);
        Assert.Equal(2, status.LastSeq);
        Assert.True(status.BytesOnDisk > 0);
    }

    [Fact]
    public async Task Acknowledge_FirstEnvelopes_LeavesOnlyLaterOnesPending()
    {
        await using var sut = TestOutbox.Open(_directory.Path);
        for (var i = 0; i < 3; i++)
        {
            await sut.AppendAsync(TestData.Temperature(i), CancellationToken.None);
        }

        sut.AcknowledgeThrough(2);

        Assert.Equal([3L], sut.GetPending(0, 10).Select(entry => entry.Seq));
        Assert.Equal(2, sut.AckedSeq);
        Assert.Equal(1, sut.GetStatus().PendingRecords);
    }

    [Fact]
    public async Task Acknowledge_OutOfOrder_CursorStaysAtThePrefixAndAcknowledgedEnvelopesAreSkipped()
    {
        await using var sut = TestOutbox.Open(_directory.Path);
        for (var i = 0; i < 5; i++)
        {
            await sut.AppendAsync(TestData.Temperature(i), CancellationToken.None);
        }

        sut.Acknowledge(1);
        sut.Acknowledge(3);
        sut.Acknowledge(5);

        Assert.Equal(1, sut.AckedSeq);
        Assert.Equal([2L, 4], sut.GetPending(0, 10).Select(entry => entry.Seq));
        Assert.Equal([4L], sut.GetPending(2, 10).Select(entry => entry.Seq));
        var status = sut.GetStatus();
        Assert.Equal((2L, 2L), (status.PendingEnvelopes, status.PendingRecords));
        Assert.False(sut.WaitForPendingAsync(4, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task Acknowledge_GapBeforeAcknowledgedEnvelopesFilled_CursorMovesPastThemAndIsPersisted()
    {
        await using var sut = TestOutbox.Open(_directory.Path);
        for (var i = 0; i < 4; i++)
        {
            await sut.AppendAsync(TestData.Temperature(i), CancellationToken.None);
        }

        sut.Acknowledge(3);
        sut.Acknowledge(2);
        sut.Acknowledge(3);
        Assert.Equal(0, sut.AckedSeq);

        sut.Acknowledge(1);

        Assert.Equal(3, sut.AckedSeq);
        Assert.Equal([4L], sut.GetPending(0, 10).Select(entry => entry.Seq));
        Assert.Equal(1, sut.GetStatus().PendingRecords);
        await Eventually.TrueAsync(() => OutboxCursor.Read(_directory.Path, out _)?.AckedSeq == 3, Timeout, "the cursor to be persisted");
    }

    [Fact]
    public async Task Acknowledge_SeqNeverWritten_Throws()
    {
        await using var sut = TestOutbox.Open(_directory.Path);
        await sut.AppendAsync(TestData.Temperature(1), CancellationToken.None);

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.Acknowledge(2));
    }

    [Fact]
    public async Task Acknowledge_AllOfClosedSegments_DeletesThemAndPersistsTheCursor()
    {
        // A one-byte segment limit closes a segment after every batch.
        await using var sut = TestOutbox.Open(_directory.Path, configure: settings => settings with { SegmentBytes = 1 });
        for (var i = 0; i < 3; i++)
        {
            await sut.AppendAsync(TestData.Temperature(i), CancellationToken.None);
        }

        Assert.Equal(3, _directory.SegmentFiles().Length);

        sut.AcknowledgeThrough(3);

        await Eventually.TrueAsync(() => _directory.SegmentFiles().Length == 1, Timeout, "acknowledged closed segments to be deleted");
        Assert.EndsWith("00000000000000000003.seg", _directory.SegmentFiles()[0], StringComparison.Ordinal);
        await Eventually.TrueAsync(() => OutboxCursor.Read(_directory.Path, out _)?.AckedSeq == 3, Timeout, "the cursor to be persisted");
        Assert.Empty(sut.GetPending(0, 10));
    }

    [Fact]
    public async Task Acknowledge_CursorCannotBeWritten_StillDeletesAcknowledgedSegments()
    {
        await using var sut = TestOutbox.Open(_directory.Path, configure: settings => settings with { SegmentBytes = 1 });
        for (var i = 0; i < 3; i++)
        {
            await sut.AppendAsync(TestData.Temperature(i), CancellationToken.None);
        }

        var newestSize = new FileInfo(_directory.SegmentFiles()[2]).Length;
        Directory.CreateDirectory(Path.Combine(_directory.Path, OutboxCursor.FileName + ".tmp"));

        sut.AcknowledgeThrough(3);

        await Eventually.TrueAsync(() => _directory.SegmentFiles().Length == 1, Timeout, "acknowledged segments to be deleted despite the cursor");
        Assert.NotEqual(3, OutboxCursor.Read(_directory.Path, out _)?.AckedSeq);
        Assert.Equal(newestSize, sut.GetStatus().BytesOnDisk);
    }

    [Fact]
    public async Task Acknowledge_SegmentCannotBeDeleted_KeepsCountingItsBytes()
    {
        await using var sut = TestOutbox.Open(_directory.Path, configure: settings => settings with { SegmentBytes = 1 });
        for (var i = 0; i < 3; i++)
        {
            await sut.AppendAsync(TestData.Temperature(i), CancellationToken.None);
        }

        var segments = _directory.SegmentFiles();
        var undeletableSize = new FileInfo(segments[0]).Length;
        var newestSize = new FileInfo(segments[2]).Length;
        File.Delete(segments[0]);
        Directory.CreateDirectory(segments[0]);

        sut.AcknowledgeThrough(3);

        await Eventually.TrueAsync(() => _directory.SegmentFiles().Length == 1, Timeout, "the deletable segment to be deleted");
        Assert.Equal(undeletableSize + newestSize, sut.GetStatus().BytesOnDisk);
    }

    [Fact]
    public async Task WaitForPendingAsync_NothingPending_CompletesWhenAnEnvelopeIsWritten()
    {
        await using var sut = TestOutbox.Open(_directory.Path);
        var waiting = sut.WaitForPendingAsync(0, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await sut.AppendAsync(TestData.Temperature(1), CancellationToken.None);

        await waiting.WaitAsync(Timeout);
    }

    [Fact]
    public async Task AppendAsync_OverMaxBytes_KeepsEveryRecordAndCountsIt()
    {
        var metrics = TestData.NewMetrics();
        await using var sut = TestOutbox.Open(_directory.Path, metrics, configure: settings => settings with { MaxBytes = 300 });

        for (var i = 0; i < 4; i++)
        {
            await sut.AppendAsync(TestData.Temperature(i), CancellationToken.None);
        }

        Assert.Equal(4, sut.GetStatus().PendingRecords);
        Assert.True(sut.GetStatus().BytesOnDisk > 300);
        Assert.True(metrics.Snapshot().OverMaxBytes >= 1);
    }

    [Fact]
    public async Task AppendAsync_AfterDispose_Throws()
    {
        var sut = TestOutbox.Open(_directory.Path);
        await sut.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => sut.AppendAsync(TestData.Temperature(1), CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_Records_CountsBytesWritten()
    {
        var metrics = TestData.NewMetrics();
        await using var sut = TestOutbox.Open(_directory.Path, metrics);

        await sut.AppendAsync(TestData.Temperature(1), CancellationToken.None);

        var counters = metrics.Snapshot();
        Assert.Equal(1, counters.EnvelopesWritten);
        Assert.Equal(1, counters.RecordsWritten);
        Assert.Equal(new FileInfo(_directory.SegmentFiles()[0]).Length, counters.BytesWritten);
    }

    internal static TelemetryEnvelope ReadEnvelope(DurableOutbox outbox, OutboxEntry entry) =>
        JsonSerializer.Deserialize(outbox.TryReadEnvelope(entry)!, ContractsJsonContext.Default.TelemetryEnvelope)!;
}
