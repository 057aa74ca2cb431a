using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.UnitTests.Outbox;

public sealed class OutboxRecoveryTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_AfterRestart_KeepsPendingEnvelopesAndContinuesTheSeq()
    {
        await using (var before = TestOutbox.Open(_directory.Path))
        {
            for (var i = 0; i < 3; i++)
            {
                await before.AppendAsync(TestData.Temperature(i), CancellationToken.None);
            }

            before.AcknowledgeThrough(1);
        }

        await using var sut = TestOutbox.Open(_directory.Path);

        Assert.Equal([2L, 3], sut.GetPending(0, 10).Select(entry => entry.Seq));
        Assert.Equal(1, sut.AckedSeq);
        await sut.AppendAsync(TestData.Temperature(9), CancellationToken.None);
        Assert.Equal([2L, 3, 4], sut.GetPending(0, 10).Select(entry => entry.Seq));
        Assert.Equal(9, DurableOutboxTests.ReadEnvelope(sut, sut.GetPending(3, 1)[0]).Records[0].Celsius);
    }

    [Fact]
    public async Task Open_AfterOutOfOrderAcknowledgements_ResendsOnlyWhatWasAcknowledgedBeyondThePrefix()
    {
        await using (var before = TestOutbox.Open(_directory.Path))
        {
            for (var i = 0; i < 5; i++)
            {
                await before.AppendAsync(TestData.Temperature(i), CancellationToken.None);
            }

            before.Acknowledge(1);
            before.Acknowledge(3);
            before.Acknowledge(5);
        }

        await using var sut = TestOutbox.Open(_directory.Path);

        // 2 and 4 were never acknowledged; 3 and 5 were, but only the prefix up to 1 was persisted.
        Assert.Equal(1, sut.AckedSeq);
        Assert.Equal([2L, 3, 4, 5], sut.GetPending(0, 10).Select(entry => entry.Seq));
        Assert.Equal([1.0, 2, 3, 4], sut.GetPending(0, 10).Select(entry => DurableOutboxTests.ReadEnvelope(sut, entry).Records[0].Celsius));
    }

    [Fact]
    public async Task Open_AfterRestart_ResendsTheSameEnvelopeIdentity()
    {
        byte[] original;
        await using (var before = TestOutbox.Open(_directory.Path))
        {
            await before.AppendAsync(TestData.Temperature(1), CancellationToken.None);
            original = before.TryReadEnvelope(before.GetPending(0, 1)[0])!;
        }

        await using var sut = TestOutbox.Open(_directory.Path);

        Assert.Equal(original, sut.TryReadEnvelope(sut.GetPending(0, 1)[0]));
    }

    [Fact]
    public async Task Open_EveryEnvelopeAcknowledgedAndLogDeleted_SeqNeverGoesBackwards()
    {
        await using (var before = TestOutbox.Open(_directory.Path, configure: settings => settings with { SegmentBytes = 1 }))
        {
            for (var i = 0; i < 3; i++)
            {
                await before.AppendAsync(TestData.Temperature(i), CancellationToken.None);
            }

            before.AcknowledgeThrough(3);
        }

        foreach (var segment in _directory.SegmentFiles())
        {
            File.Delete(segment);
        }

        await using var sut = TestOutbox.Open(_directory.Path);
        await sut.AppendAsync(TestData.Temperature(4), CancellationToken.None);

        Assert.Equal(4, Assert.Single(sut.GetPending(0, 10)).Seq);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_EveryEnvelopeAcknowledgedAndCursorLostAfterARestart_SeqNeverGoesBackwards(bool corruptCursor)
    {
        await using (var before = TestOutbox.Open(_directory.Path, configure: settings => settings with { SegmentBytes = 1 }))
        {
            for (var i = 0; i < 3; i++)
            {
                await before.AppendAsync(TestData.Temperature(i), CancellationToken.None);
            }

            before.AcknowledgeThrough(3);
        }

        // The first cursor pass after a start used to delete the newest segment, once it was no longer the active one.
        await TestOutbox.Open(_directory.Path).DisposeAsync();
        var cursor = Path.Combine(_directory.Path, OutboxCursor.FileName);
        if (corruptCursor)
        {
            await File.WriteAllTextAsync(cursor, "{ not json");
        }
        else
        {
            File.Delete(cursor);
        }

        await using var sut = TestOutbox.Open(_directory.Path);
        await sut.AppendAsync(TestData.Temperature(4), CancellationToken.None);

        Assert.Equal(4, sut.GetPending(3, 10).Single().Seq);
    }

    [Fact]
    public async Task Open_TornTailFrame_IsTruncatedAndLaterAppendsWork()
    {
        var metrics = TestData.NewMetrics();
        long firstFrameLength;
        await using (var before = TestOutbox.Open(_directory.Path))
        {
            await before.AppendAsync(TestData.Temperature(1), CancellationToken.None);
            firstFrameLength = new FileInfo(_directory.SegmentFiles()[0]).Length;
            await before.AppendAsync(TestData.Temperature(2), CancellationToken.None);
        }

        var segment = _directory.SegmentFiles()[0];
        using (var file = File.Open(segment, FileMode.Open))
        {
            file.SetLength(file.Length - 7);
        }

        await using var sut = TestOutbox.Open(_directory.Path, metrics);

        Assert.Equal([1L], sut.GetPending(0, 10).Select(entry => entry.Seq));
        Assert.Equal(firstFrameLength, new FileInfo(segment).Length);
        Assert.Equal(1, metrics.Snapshot().CorruptFramesSkipped);
        await sut.AppendAsync(TestData.Temperature(3), CancellationToken.None);
        var pending = sut.GetPending(0, 10);
        Assert.Equal(2, pending.Count);
        Assert.True(pending[1].Seq > 1);
        Assert.Equal(3, DurableOutboxTests.ReadEnvelope(sut, pending[1]).Records[0].Celsius);
    }

    [Fact]
    public async Task Open_GarbageAfterTheLastFrame_IsSkippedAndLaterAppendsWork()
    {
        await using (var before = TestOutbox.Open(_directory.Path))
        {
            await before.AppendAsync(TestData.Temperature(1), CancellationToken.None);
        }

        var segment = _directory.SegmentFiles()[0];
        var intactLength = new FileInfo(segment).Length;
        await File.AppendAllTextAsync(segment, "\0\0\0garbage left by a power cut");

        await using var sut = TestOutbox.Open(_directory.Path);

        Assert.Equal([1L], sut.GetPending(0, 10).Select(entry => entry.Seq));
        Assert.Equal(intactLength, new FileInfo(segment).Length);
        await sut.AppendAsync(TestData.Temperature(2), CancellationToken.None);
        Assert.Equal(2, sut.GetPending(0, 10).Count);
        Assert.All(sut.GetPending(0, 10), entry => Assert.NotNull(sut.TryReadEnvelope(entry)));
    }

    [Fact]
    public async Task Open_CorruptFrameInAnOlderSegment_SkipsTheRestOfThatSegmentOnly()
    {
        await using (var before = TestOutbox.Open(_directory.Path, configure: settings => settings with { SegmentBytes = 1 }))
        {
            for (var i = 0; i < 3; i++)
            {
                await before.AppendAsync(TestData.Temperature(i), CancellationToken.None);
            }
        }

        var middle = _directory.SegmentFiles()[1];
        var bytes = await File.ReadAllBytesAsync(middle);
        bytes[^3] ^= 0xFF;
        await File.WriteAllBytesAsync(middle, bytes);

        await using var sut = TestOutbox.Open(_directory.Path);

        Assert.Equal([1L, 3], sut.GetPending(0, 10).Select(entry => entry.Seq));
        await sut.AppendAsync(TestData.Temperature(4), CancellationToken.None);
        Assert.Equal(4, sut.GetPending(3, 10)[0].Seq);
    }

    [Fact]
    public async Task Open_CorruptFrameFollowedByIntactOnesInTheLastSegment_SkipsOnlyTheCorruptFrame()
    {
        var metrics = TestData.NewMetrics();
        long firstFrameLength;
        await using (var before = TestOutbox.Open(_directory.Path))
        {
            await before.AppendAsync(TestData.Temperature(1), CancellationToken.None);
            firstFrameLength = new FileInfo(_directory.SegmentFiles()[0]).Length;
            await before.AppendAsync(TestData.Temperature(2), CancellationToken.None);
            await before.AppendAsync(TestData.Temperature(3), CancellationToken.None);
        }

        var segment = _directory.SegmentFiles()[0];
        var bytes = await File.ReadAllBytesAsync(segment);
        bytes[firstFrameLength + 30] ^= 0xFF;
        await File.WriteAllBytesAsync(segment, bytes);

        await using var sut = TestOutbox.Open(_directory.Path, metrics);

        Assert.Equal([1L, 3], sut.GetPending(0, 10).Select(entry => entry.Seq));
        Assert.Equal(bytes.Length, new FileInfo(segment).Length);
        Assert.Equal(1, metrics.Snapshot().CorruptFramesSkipped);
        Assert.Equal(3, DurableOutboxTests.ReadEnvelope(sut, sut.GetPending(2, 1)[0]).Records[0].Celsius);
        await sut.AppendAsync(TestData.Temperature(4), CancellationToken.None);
        Assert.Equal(4, sut.GetPending(3, 10)[0].Seq);
        Assert.Equal(2, _directory.SegmentFiles().Length);
    }

    [Fact]
    public async Task Open_UnreadableCursor_FallsBackToTheLog()
    {
        await using (var before = TestOutbox.Open(_directory.Path))
        {
            await before.AppendAsync(TestData.Temperature(1), CancellationToken.None);
        }

        await File.WriteAllTextAsync(Path.Combine(_directory.Path, OutboxCursor.FileName), "{ not json");

        await using var sut = TestOutbox.Open(_directory.Path);

        Assert.Equal([1L], sut.GetPending(0, 10).Select(entry => entry.Seq));
    }

    [Fact]
    public async Task TryReadEnvelope_FrameCorruptedAfterItWasWritten_ReturnsNull()
    {
        await using var sut = TestOutbox.Open(_directory.Path);
        await sut.AppendAsync(TestData.Temperature(1), CancellationToken.None);
        var entry = sut.GetPending(0, 1)[0];
        using (var file = File.Open(entry.SegmentPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
        {
            file.Position = entry.Offset + entry.Length - 2;
            file.WriteByte(0x00);
        }

        Assert.Null(sut.TryReadEnvelope(entry));
    }
}
