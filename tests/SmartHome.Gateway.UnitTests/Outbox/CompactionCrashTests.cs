using System.Globalization;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.UnitTests.Outbox;

/// <summary>
/// A kill during compaction, at each point: the folder is built from a real compaction by putting back what it had
/// already removed, as the kill would have left it, and then recovered.
/// </summary>
public sealed class CompactionCrashTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Recover_KilledBeforeTheOldSegmentWasDeleted_KeepsTheCompactedOneOnly()
    {
        var (original, compacted) = await CompactAsync();
        Restore(original);

        var pending = OutboxFiles.RecoverPending(_directory.Path);

        Assert.Equal(Describe(compacted.Pending), Describe(pending));
        Assert.Equal(compacted.Files, FileNames());
    }

    [Fact]
    public async Task Recover_CompactedSegmentTorn_KeepsTheOldOne()
    {
        var (original, compacted) = await CompactAsync();
        Restore(original);
        foreach (var file in CompactedFiles())
        {
            Truncate(file, 7);
        }


        var pending = OutboxFiles.RecoverPending(_directory.Path);

        Assert.Equal(Describe(Uncompacted(original, compacted)), Describe(pending));
        Assert.Empty(CompactedFiles());
    }

    [Fact]
    public async Task Recover_KilledWhileWritingTheCompactedFile_DeletesItAndKeepsTheOldSegment()
    {
        var (original, compacted) = await CompactAsync();
        Restore(original);
        foreach (var file in CompactedFiles())
        {
            Truncate(file, 7);
            File.Move(file, Path.ChangeExtension(file, OutboxSegment.CompactingExtension));
        }


        var pending = OutboxFiles.RecoverPending(_directory.Path);

        Assert.Equal(Describe(Uncompacted(original, compacted)), Describe(pending));
        Assert.Empty(CompactedFiles());
        Assert.Empty(Directory.EnumerateFiles(_directory.Path, "*" + OutboxSegment.CompactingExtension));
    }

    [Fact]
    public async Task Open_AfterCompactionWasKilled_ResendsTheSameSeqsWithNoneLost()
    {
        var (original, compacted) = await CompactAsync();
        Restore(original);

        await using var sut = TestOutbox.Open(_directory.Path);

        Assert.Equal(compacted.Pending.Select(envelope => envelope.Seq), sut.GetPending(0, int.MaxValue).Select(entry => entry.Seq));
        Assert.Equal(compacted.Pending.Sum(envelope => envelope.Records.Count), sut.GetStatus().PendingRecords);
    }

    private static List<string> Describe(List<TelemetryEnvelope> envelopes) =>
        envelopes.SelectMany(envelope => envelope.Records.Select(record => $"{envelope.Seq}:{record.Kind}:{record.At:O}:{record.Celsius}:{record.Samples}")).ToList();

    /// <summary>What recovery finds when every compacted segment is lost again: the original envelopes of those segments, the compacted state elsewhere.</summary>
    private static List<TelemetryEnvelope> Uncompacted(State original, State compacted)
    {
        var starts = original.Files.Select(FirstSeq).Order().ToList();
        var rewritten = compacted.Files.Where(name => name.Contains('_', StringComparison.Ordinal)).Select(FirstSeq).ToHashSet();
        bool Rewritten(TelemetryEnvelope envelope) => rewritten.Contains(starts.Last(start => start <= envelope.Seq));
        return original.Pending.Where(Rewritten).Concat(compacted.Pending.Where(envelope => !Rewritten(envelope))).OrderBy(envelope => envelope.Seq).ToList();
    }

    private static long FirstSeq(string name) => long.Parse(Path.GetFileNameWithoutExtension(name).Split('_')[0], CultureInfo.InvariantCulture);

    private static void Truncate(string file, int bytes)
    {
        using var stream = new FileStream(file, FileMode.Open);
        stream.SetLength(stream.Length - bytes);
    }

    /// <summary>Writes temperature and door records over several segments, then compacts them under a small limit.</summary>
    private async Task<(State Original, State Compacted)> CompactAsync()
    {
        await using (var writer = TestOutbox.Open(_directory.Path, configure: settings => settings with { MaxBatchRecords = 10, SegmentBytes = 4 * 1024 }))
        {
            var records = Enumerable.Range(0, 600).Select(i => i % 30 == 0
                ? TelemetryRecord.From("fridge-1", new DoorEvent { Door = "main", State = DoorState.Closed }, TestData.Start.AddSeconds(i))
                : TelemetryRecord.From("fridge-1", new TemperatureReading { Sensor = "fridge", Celsius = 3 + (i % 10 / 10.0) }, TestData.Start.AddSeconds(i)));
            await Task.WhenAll(records.Select(record => writer.AppendAsync(record, CancellationToken.None)));
        }

        var original = new State(OutboxFiles.Snapshot(_directory.Path), OutboxFiles.RecoverPending(_directory.Path));
        await using (TestOutbox.Open(_directory.Path, configure: settings => settings with { MaxBytes = 20 * 1024, SegmentBytes = 4 * 1024 }))
        {
            // Opening applies the bounds; closing waits for that to finish.
        }

        Assert.NotEmpty(CompactedFiles());
        return (original, new(OutboxFiles.Snapshot(_directory.Path), OutboxFiles.RecoverPending(_directory.Path)));
    }

    private List<string> CompactedFiles() =>
        Directory.EnumerateFiles(_directory.Path, "*_*" + OutboxSegment.Extension).ToList();

    private List<string> FileNames() => OutboxFiles.Snapshot(_directory.Path).Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Puts back the segments that compaction replaced by a new generation and then deleted, as if the process had been
    /// killed just before the delete. (A segment compacted to nothing is only deleted: a kill before that leaves it whole.)
    /// </summary>
    private void Restore(State original)
    {
        var replaced = CompactedFiles().Select(file => Path.GetFileName(file).Split('_')[0] + OutboxSegment.Extension).ToList();
        Assert.NotEmpty(replaced);
        foreach (var name in replaced)
        {
            File.WriteAllBytes(Path.Combine(_directory.Path, name), original.Snapshot[name]);
        }
    }

    private sealed record State(Dictionary<string, byte[]> Snapshot, List<TelemetryEnvelope> Pending)
    {
        public List<string> Files { get; } = Snapshot.Keys.Order(StringComparer.Ordinal).ToList();
    }
}
