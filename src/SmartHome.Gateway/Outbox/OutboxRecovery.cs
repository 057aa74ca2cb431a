
namespace SmartHome.Gateway.Outbox;

/// <summary>
/// Rebuilds the outbox's state from its files after a start or a crash. After a frame that does not read back intact,
/// the scan looks for the next intact frame (magic, length, CRC, a seq above the last good one): if there is one, the
/// bad range is media corruption, skipped and counted, and the acknowledged frames after it are kept; if there is
/// none, in the last segment it is the write a power cut interrupted, which is truncated away (no appliance was
/// acknowledged for it), and anywhere else the rest of that segment is skipped. New writes always start a new segment.
/// Of a segment and its compacted generations, the newest generation that reads back intact is kept and the others
/// deleted: a compaction interrupted before its old file was deleted leaves both, with the same seqs.
/// </summary>
internal static class OutboxRecovery
{
    public static RecoveredLog Recover(string directory, long ackedSeq, ILogger logger)
    {
        DeleteUnfinishedCompactions(directory, logger);
        var files = LatestGenerations(directory, logger);

        var segments = new List<OutboxSegment>();
        var pending = new List<OutboxEntry>();
        var lastSeq = 0L;
        var corruptFrames = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var segment = files[i];
            var data = File.ReadAllBytes(segment.Path);
            var offset = 0;
            segment.Size = data.Length;
            while (offset < data.Length)
            {
                if (OutboxFrame.TryRead(data.AsSpan(offset), out var frame, out var json) && frame.Seq > lastSeq)
                {
                    if (frame.Seq > ackedSeq)
                    {
                        pending.Add(new(frame.Seq, segment.Path, offset, frame.Length, frame.RecordCount, frame.WrittenAt));
                    }

                    segment.TemperatureRecords += OutboxFrame.CountTemperatureRecords(data.AsSpan(offset)[json]);

                    lastSeq = segment.LastSeq = frame.Seq;
                    offset += frame.Length;
                    continue;
                }

                corruptFrames++;
                if (NextValidFrame(data, offset + 1, lastSeq) is { } next)
                {
                    Log.CorruptRangeSkipped(logger, segment.Path, offset, next - offset);
                    offset = next;
                    continue;
                }

                if (i == files.Count - 1)
                {
                    Truncate(segment.Path, offset);
                    segment.Size = offset;
                    Log.TornTailTruncated(logger, segment.Path, offset, data.Length - offset);
                }
                else
                {
                    Log.CorruptSegmentSkipped(logger, segment.Path, offset, data.Length - offset);
                }

                break;
            }

            if (segment.LastSeq == 0)
            {
                File.Delete(segment.Path);
                continue;
            }

            segments.Add(segment);
        }

        return new(segments, pending, lastSeq, corruptFrames);
    }

    /// <summary>Where the next intact frame with a seq above <paramref name="lastSeq"/> starts, at or after <paramref name="from"/>.</summary>
    public static int? NextValidFrame(byte[] data, int from, long lastSeq)
    {
        for (var offset = from; offset <= data.Length - OutboxFrame.HeaderSize; offset++)
        {
            if (OutboxFrame.TryRead(data.AsSpan(offset), out var frame, out _) && frame.Seq > lastSeq)
            {
                return offset;
            }
        }

        return null;
    }

    private static void DeleteUnfinishedCompactions(string directory, ILogger logger)
    {
        foreach (var path in Directory.EnumerateFiles(directory, "*" + OutboxSegment.CompactingExtension))
        {
            File.Delete(path);
            Log.UnfinishedCompactionDeleted(logger, path);
        }
    }

    /// <summary>One segment per first seq: the newest generation that reads back intact, else the oldest one there is.</summary>
    private static List<OutboxSegment> LatestGenerations(string directory, ILogger logger)
    {
        var chosen = new List<OutboxSegment>();
        var groups = Directory.EnumerateFiles(directory, "*" + OutboxSegment.Extension)
            .Select(path => OutboxSegment.TryParse(path, out var first, out var generation) ? OutboxSegment.Create(directory, first, generation) : null)
            .OfType<OutboxSegment>()
            .GroupBy(segment => segment.FirstSeq)
            .OrderBy(group => group.Key);
        foreach (var group in groups)
        {
            var generations = group.OrderByDescending(segment => segment.Generation).ToList();
            var keep = generations.Count == 1 ? generations[0] : generations.Find(segment => ReadsBackIntact(segment.Path)) ?? generations[^1];
            foreach (var superseded in generations.Where(segment => segment != keep))
            {
                File.Delete(superseded.Path);
                Log.SupersededSegmentDeleted(logger, superseded.Path, keep.Path);
            }

            chosen.Add(keep);
        }

        return chosen;
    }

    private static bool ReadsBackIntact(string path)
    {
        var data = File.ReadAllBytes(path);
        var offset = 0;
        while (offset < data.Length && OutboxFrame.TryRead(data.AsSpan(offset), out var frame, out _))
        {
            offset += frame.Length;
        }

        return offset == data.Length;
    }

    private static void Truncate(string path, long length)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
        RandomAccess.SetLength(handle, length);
        RandomAccess.FlushToDisk(handle);
    }
}

internal sealed record RecoveredLog(List<OutboxSegment> Segments, List<OutboxEntry> Pending, long LastSeq, int CorruptFrames);
