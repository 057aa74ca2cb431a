using System.Buffers;
using System.Text.Json;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Gateway.Outbox;

/// <summary>
/// The bounds: compaction rewrites closed segments (never the one being written, nor the newest one holding a frame,
/// which carries the highest seq) oldest first, each into a new file, to evict what the bounds no longer allow.
/// </summary>
internal sealed partial class DurableOutbox
{
    /// <summary>
    /// First every envelope written before <see cref="OutboxSettings.MaxAge"/> goes. Then, over
    /// <see cref="OutboxSettings.MaxBytes"/>, down to <see cref="OutboxSettings.EvictToBytes"/>, one segment at a time:
    /// the oldest segment with temperature not yet rolled up is rolled up; when there is none, the oldest segment's
    /// temperature is dropped; and only when no temperature record is left in any segment (the one being written
    /// included) is the oldest segment's everything else dropped. The choice is made afresh after each segment, since
    /// the writer goes on adding segments meanwhile.
    /// </summary>
    private void EnforceBounds()
    {
        var expireBefore = _time.GetUtcNow() - _settings.MaxAge;
        foreach (var segment in ClosedSegmentsExceptNewest().Where(segment => HasPendingWrittenBefore(segment, expireBefore)))
        {
            Compact(segment, EvictionStep.ExpireByAge, expireBefore);
        }

        if (BytesOnDisk() <= _settings.MaxBytes)
        {
            return;
        }

        // A segment whose compaction failed is not tried again in this pass.
        var tried = new HashSet<(OutboxSegment, EvictionStep)>();
        while (BytesOnDisk() > _settings.EvictToBytes && NextEviction(tried) is { } next)
        {
            tried.Add(next);
            Compact(next.Segment, next.Step, expireBefore);
        }
    }

    private (OutboxSegment Segment, EvictionStep Step)? NextEviction(HashSet<(OutboxSegment, EvictionStep)> tried)
    {
        var candidates = ClosedSegmentsExceptNewest();
        (OutboxSegment, EvictionStep)? First(EvictionStep step, Func<OutboxSegment, bool> applies) =>
            candidates.Find(segment => applies(segment) && !tried.Contains((segment, step))) is { } found ? (found, step) : null;

        return First(EvictionStep.RollUpTemperature, segment => !segment.RolledUp && segment.TemperatureRecords > 1)
            ?? First(EvictionStep.DropTemperature, segment => segment.TemperatureRecords > 0)
            ?? (TemperatureRecordsLeft() ? null : First(EvictionStep.DropOther, _ => true));
    }

    private void Compact(OutboxSegment segment, EvictionStep step, DateTimeOffset expireBefore)
    {
        try
        {
            CompactOrThrow(segment, step, expireBefore);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            Log.CompactionFailed(_logger, segment.Path, ex);
        }
    }

    /// <summary>
    /// Crash-safe and safe for readers: the new generation is written as <see cref="OutboxSegment.CompactingExtension"/>,
    /// fsynced, renamed to its segment name and the directory fsynced; only then are the entries swapped under the lock,
    /// and only after that is the old file deleted. A crash leaves the old file, or both (recovery keeps the newer).
    /// </summary>
    private void CompactOrThrow(OutboxSegment segment, EvictionStep step, DateTimeOffset expireBefore)
    {
        var (pending, anyAcknowledged) = ReadPendingEnvelopes(segment, AcknowledgedNow());
        var (kept, evicted) = OutboxEviction.Apply(pending, step, expireBefore, _settings.RollupInterval);
        if (evicted == default && !anyAcknowledged)
        {
            segment.RolledUp |= step == EvictionStep.RollUpTemperature;
            return;
        }

        var replacement = segment.NextGeneration();
        replacement.RolledUp = segment.RolledUp || step != EvictionStep.ExpireByAge;
        var frames = new ArrayBufferWriter<byte>();
        var entries = new List<OutboxEntry>(kept.Count);
        foreach (var stored in kept)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(stored.Envelope, ContractsJsonContext.Default.TelemetryEnvelope);
            var offset = frames.WrittenCount;
            var length = OutboxFrame.Write(frames, stored.Seq, stored.WrittenAt, stored.Envelope.Records.Count, json);
            entries.Add(new(stored.Seq, replacement.Path, offset, length, stored.Envelope.Records.Count, stored.WrittenAt));
            replacement.TemperatureRecords += stored.Envelope.Records.Count(record => record.Kind == RecordKind.Temperature);
        }

        replacement.Size = frames.WrittenCount;
        replacement.LastSeq = kept.Count > 0 ? kept[^1].Seq : 0;
        if (kept.Count > 0)
        {
            WriteDurably(replacement.Path, frames.WrittenSpan);
        }

        Swap(segment, kept.Count > 0 ? replacement : null, entries, evicted);
        _metrics.OutboxEvicted(evicted);
        Log.SegmentCompacted(_logger, segment.Path, step, evicted.TemperatureRolledUp, evicted.TemperatureDropped, evicted.AgeExpired, segment.Size, replacement.Size);
        if (evicted.OtherDropped > 0)
        {
            Log.OtherRecordsDropped(_logger, evicted.OtherDropped, segment.Path);
        }

        try
        {
            File.Delete(segment.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Recovery deletes it at the next start, the newer generation superseding it.
            Log.SegmentDeleteFailed(_logger, segment.Path, ex);
        }
    }

    /// <summary>The envelopes of a closed (so no longer changing) segment not yet acknowledged, and whether it held any that were.</summary>
    private static (List<StoredEnvelope> Pending, bool AnyAcknowledged) ReadPendingEnvelopes(OutboxSegment segment, Func<long, bool> acknowledged)
    {
        var data = File.ReadAllBytes(segment.Path);
        var pending = new List<StoredEnvelope>();
        var anyAcknowledged = false;
        var lastSeq = 0L;
        var offset = 0;
        while (offset < data.Length)
        {
            if (!OutboxFrame.TryRead(data.AsSpan(offset), out var frame, out var json) || frame.Seq <= lastSeq)
            {
                // Bytes recovery already skipped as corrupt: compaction leaves them behind.
                if (OutboxRecovery.NextValidFrame(data, offset + 1, lastSeq) is not { } next)
                {
                    break;
                }

                offset = next;
                continue;
            }

            lastSeq = frame.Seq;
            if (acknowledged(frame.Seq))
            {
                anyAcknowledged = true;
            }
            else
            {
                var envelope = JsonSerializer.Deserialize(data.AsSpan(offset)[json], ContractsJsonContext.Default.TelemetryEnvelope)
                    ?? throw new JsonException($"envelope seq {frame.Seq} is JSON null");
                pending.Add(new(frame.Seq, frame.WrittenAt, envelope));
            }

            offset += frame.Length;
        }

        return (pending, anyAcknowledged);
    }

    private void WriteDurably(string path, ReadOnlySpan<byte> frames)
    {
        var compacting = Path.ChangeExtension(path, OutboxSegment.CompactingExtension);
        using (var handle = File.OpenHandle(compacting, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(handle, frames, 0);
            RandomAccess.FlushToDisk(handle);
        }

        File.Move(compacting, path, overwrite: true);
        DirectorySync.Flush(_settings.Directory);
    }

    private void Swap(OutboxSegment old, OutboxSegment? replacement, List<OutboxEntry> entries, EvictionCounts evicted)
    {
        lock (_gate)
        {
            var index = _segments.IndexOf(old);
            if (replacement is null)
            {
                _segments.RemoveAt(index);
            }
            else
            {
                _segments[index] = replacement;
            }

            _bytesOnDisk += (replacement?.Size ?? 0) - old.Size;
            var start = FirstPendingAfter(old.FirstSeq - 1);
            var count = FirstPendingAfter(old.LastSeq) - start;
            var replaced = _pending.GetRange(start, count);
            _pending.RemoveRange(start, count);
            var stillPending = entries.FindAll(entry => entry.Seq > _ackedSeq);
            _pending.InsertRange(start, stillPending);

            // Envelopes acknowledged out of order no longer count as pending; those the compaction left out (it skips
            // what was acknowledged when it read the segment) are gone from the log, so the cursor may pass them.
            _pendingRecords += RecordsNotAcknowledged(stillPending) - RecordsNotAcknowledged(replaced);
            var kept = stillPending.Select(entry => entry.Seq).ToHashSet();
            _ackedBeyondCursor.RemoveWhere(seq => seq >= old.FirstSeq && seq <= old.LastSeq && !kept.Contains(seq));
            AdvanceAcknowledgedPrefix();
            _evicted = _evicted.Add(evicted);
        }
    }

    private long RecordsNotAcknowledged(List<OutboxEntry> entries) =>
        entries.Where(entry => !_ackedBeyondCursor.Contains(entry.Seq)).Sum(entry => (long)entry.RecordCount);

    /// <summary>Whether an envelope is acknowledged, as of now: in the prefix or acknowledged out of order.</summary>
    private Func<long, bool> AcknowledgedNow()
    {
        lock (_gate)
        {
            var ackedSeq = _ackedSeq;
            var beyond = _ackedBeyondCursor.ToHashSet();
            return seq => seq <= ackedSeq || beyond.Contains(seq);
        }
    }

    private bool HasPendingWrittenBefore(OutboxSegment segment, DateTimeOffset expireBefore)
    {
        lock (_gate)
        {
            var first = FirstPendingAfter(segment.FirstSeq - 1);
            return first < _pending.Count && _pending[first].Seq <= segment.LastSeq && _pending[first].WrittenAt < expireBefore;
        }
    }

    private bool TemperatureRecordsLeft()
    {
        lock (_gate)
        {
            return _segments.Exists(segment => segment.TemperatureRecords > 0);
        }
    }

    private long BytesOnDisk()
    {
        lock (_gate)
        {
            return _bytesOnDisk;
        }
    }
}
