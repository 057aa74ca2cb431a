namespace SmartHome.Gateway.Outbox;

/// <summary>
/// The cursor loop: persists what the broker acknowledged, deletes the segments it no longer needs, and applies the
/// bounds (compaction runs here so that it never races the deletion of the segment it rewrites). The segment
/// with the highest first seq is kept even when fully acknowledged, so that the log alone carries the highest seq
/// handed out should the cursor be lost.
/// </summary>
internal sealed partial class DurableOutbox
{
    private async Task CursorLoopAsync()
    {
        while (await _housekeeping.Reader.WaitToReadAsync())
        {
            _housekeeping.Reader.TryRead(out _);
            DeleteAcknowledgedSegments(PersistCursor().AckedSeq);
            EnforceBounds();
            PersistCursor();
        }
    }

    private OutboxCursor PersistCursor()
    {
        OutboxCursor cursor;
        lock (_gate)
        {
            cursor = new(_ackedSeq, _lastSeq) { Evicted = _evicted };
        }

        if (cursor != _persistedCursor)
        {
            try
            {
                cursor.Write(_settings.Directory);
                _persistedCursor = cursor;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Deleting still goes ahead: it frees the space a full disk needs, and since the newest segment is
                // never deleted, the log alone keeps the seq from going backwards.
                Log.CursorWriteFailed(_logger, ex);
            }
        }

        return cursor;
    }

    /// <summary>Deletes the closed segments up to <paramref name="ackedSeq"/>, except the newest one holding a frame.</summary>
    private void DeleteAcknowledgedSegments(long ackedSeq)
    {
        var acknowledged = ClosedSegmentsExceptNewest().FindAll(segment => segment.LastSeq <= ackedSeq);

        foreach (var segment in acknowledged)
        {
            try
            {
                File.Delete(segment.Path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.SegmentDeleteFailed(_logger, segment.Path, ex);
                continue;
            }

            lock (_gate)
            {
                _segments.Remove(segment);
                _bytesOnDisk -= segment.Size;
            }
        }
    }

    /// <summary>In log order, the segments that are no longer written, except the newest one holding a frame.</summary>
    private List<OutboxSegment> ClosedSegmentsExceptNewest()
    {
        lock (_gate)
        {
            var newest = _segments.Where(segment => segment.LastSeq > 0).MaxBy(segment => segment.FirstSeq);
            return _segments.Where(segment => segment != _active && segment != newest).OrderBy(segment => segment.FirstSeq).ToList();
        }
    }
}
