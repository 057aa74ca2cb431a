namespace SmartHome.Gateway.Outbox;

/// <summary>The cursor loop: persists what the broker acknowledged and deletes the segments it no longer needs.</summary>
internal sealed partial class DurableOutbox
{
    private async Task CursorLoopAsync()
    {
        while (await _acknowledged.Reader.WaitToReadAsync())
        {
            _acknowledged.Reader.TryRead(out _);
            PersistCursorAndDeleteSegments();
        }
    }

    private void PersistCursorAndDeleteSegments()
    {
        OutboxCursor cursor;
        lock (_gate)
        {
            cursor = new(_ackedSeq, _lastSeq);
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
                Log.CursorWriteFailed(_logger, ex);
                return;
            }
        }

        List<OutboxSegment> acknowledged;
        lock (_gate)
        {
            acknowledged = _segments.FindAll(segment => segment != _active && segment.LastSeq <= cursor.AckedSeq);
            _segments.RemoveAll(acknowledged.Contains);
        }

        foreach (var segment in acknowledged)
        {
            try
            {
                File.Delete(segment.Path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.SegmentDeleteFailed(_logger, segment.Path, ex);
            }

            lock (_gate)
            {
                _bytesOnDisk -= segment.Size;
            }
        }
    }
}
