
namespace SmartHome.Gateway.Outbox;

/// <summary>
/// Rebuilds the outbox's state from its files after a start or a crash. A frame that does not read back intact ends
/// its segment: in the last segment that is the write a power cut interrupted, which is truncated away (no
/// appliance was acknowledged for it); anywhere else it is media corruption, and the rest of that segment is skipped.
/// </summary>
internal static class OutboxRecovery
{
    public static RecoveredLog Recover(string directory, long ackedSeq, ILogger logger)
    {
        var files = Directory.EnumerateFiles(directory, "*" + OutboxSegment.Extension)
            .Select(path => OutboxSegment.TryParseFirstSeq(path, out var first) ? OutboxSegment.Create(directory, first) : null)
            .OfType<OutboxSegment>()
            .OrderBy(segment => segment.FirstSeq)
            .ToList();

        var segments = new List<OutboxSegment>();
        var pending = new List<OutboxEntry>();
        var lastSeq = 0L;
        var corruptFrames = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var segment = files[i];
            var data = File.ReadAllBytes(segment.Path);
            var offset = 0;
            while (offset < data.Length
                && OutboxFrame.TryRead(data.AsSpan(offset), out var frame, out _)
                && frame.Seq > lastSeq)
            {
                if (frame.Seq > ackedSeq)
                {
                    pending.Add(new(frame.Seq, segment.Path, offset, frame.Length, frame.RecordCount, frame.WrittenAt));
                }

                lastSeq = segment.LastSeq = frame.Seq;
                offset += frame.Length;
            }

            segment.Size = data.Length;
            if (offset < data.Length)
            {
                corruptFrames++;
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

    private static void Truncate(string path, long length)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
        RandomAccess.SetLength(handle, length);
        RandomAccess.FlushToDisk(handle);
    }
}

internal sealed record RecoveredLog(List<OutboxSegment> Segments, List<OutboxEntry> Pending, long LastSeq, int CorruptFrames);
