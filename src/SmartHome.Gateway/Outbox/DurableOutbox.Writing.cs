using System.Buffers;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Gateway.Outbox;

/// <summary>The writer loop: group commit into the active segment.</summary>
internal sealed partial class DurableOutbox
{
    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>(_settings.MaxBatchRecords);
        while (await _appends.Reader.WaitToReadAsync())
        {
            await CollectBatchAsync(batch);
            Volatile.Write(ref _commitStartedAt, _time.GetTimestamp());
            try
            {
                Commit(batch);
            }
            catch (Exception ex)
            {
                Log.WriteFailed(_logger, batch.Count, ex);
                batch.ForEach(append => append.Durable.TrySetException(ex));
            }
            finally
            {
                Volatile.Write(ref _commitStartedAt, NotCommitting);
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// Null while the writer works; otherwise what is wrong: it ended, or one commit (write and fsync) has taken longer
    /// than <paramref name="stalledAfter"/>, as when the SD card hangs. The watchdog stops on either.
    /// </summary>
    public string? FindWriterProblem(TimeSpan stalledAfter)
    {
        if (_writer.IsCompleted)
        {
            return _writer.Exception is { } failure ? $"the outbox writer failed: {failure.GetBaseException().Message}" : "the outbox writer ended";
        }

        var started = Volatile.Read(ref _commitStartedAt);
        return started != NotCommitting && _time.GetElapsedTime(started) is var elapsed && elapsed > stalledAfter
            ? $"an outbox write has not finished after {elapsed.TotalSeconds:0} s"
            : null;
    }

    private async Task CollectBatchAsync(List<PendingAppend> batch)
    {
        var reader = _appends.Reader;
        while (batch.Count < _settings.MaxBatchRecords && reader.TryRead(out var append))
        {
            batch.Add(append);
        }

        if (batch.Count >= _settings.MaxBatchRecords || _settings.Linger <= TimeSpan.Zero)
        {
            return;
        }

        // The linger is a property of the disk, not of event time: it runs on the real clock even when tests move
        // the injected TimeProvider, so that a faked clock never stalls a write.
        using var linger = new CancellationTokenSource(_settings.Linger);
        try
        {
            while (batch.Count < _settings.MaxBatchRecords && await reader.WaitToReadAsync(linger.Token))
            {
                while (batch.Count < _settings.MaxBatchRecords && reader.TryRead(out var append))
                {
                    batch.Add(append);
                }
            }
        }
        catch (OperationCanceledException) when (linger.IsCancellationRequested)
        {
        }
    }

    private void Commit(List<PendingAppend> batch)
    {
        var clockSynced = _clock.IsSynchronized();
        var now = _time.GetUtcNow();
        var envelopes = EnvelopeSealer.Seal(batch.ConvertAll(append => append.Record), _identity, _lastSeq + 1, now, clockSynced);
        var frames = new ArrayBufferWriter<byte>();
        var lengths = envelopes.ConvertAll(envelope => OutboxFrame.Write(frames, envelope.Seq, now, envelope.RecordCount, envelope.Json));

        OutboxSegment segment;
        long offset;
        try
        {
            (segment, offset) = PrepareActiveSegment(envelopes[0].Seq, frames.WrittenCount, now);
            RandomAccess.Write(_activeHandle!, frames.WrittenSpan, offset);
            RandomAccess.FlushToDisk(_activeHandle!);
        }
        catch (Exception)
        {
            AbandonFailedWrite(envelopes[^1].Seq);
            throw;
        }

        TaskCompletionSource appended;
        long bytesOnDisk;
        lock (_gate)
        {
            for (var i = 0; i < envelopes.Count; i++)
            {
                _pending.Add(new(envelopes[i].Seq, segment.Path, offset, lengths[i], envelopes[i].RecordCount, now));
                _pendingRecords += envelopes[i].RecordCount;
                offset += lengths[i];
            }

            _lastSeq = segment.LastSeq = envelopes[^1].Seq;
            segment.Size += frames.WrittenCount;
            segment.TemperatureRecords += batch.Count(append => append.Record.Kind == RecordKind.Temperature);
            bytesOnDisk = _bytesOnDisk += frames.WrittenCount;
            appended = _appended;
            _appended = NewSignal();
        }

        _metrics.EnvelopesWritten(envelopes.Count, batch.Count, frames.WrittenCount);
        WatchSize(bytesOnDisk);
        appended.TrySetResult();
        batch.ForEach(append => append.Durable.TrySetResult());
    }

    private (OutboxSegment Segment, long Offset) PrepareActiveSegment(long firstSeq, int bytes, DateTimeOffset now)
    {
        if (_active is { } active
            && (active.Size == 0 || (active.Size + bytes <= _settings.SegmentBytes && now - _activeOpenedAt < _settings.SegmentMaxAge)))
        {
            return (active, active.Size);
        }

        CloseActiveSegment();
        var segment = OutboxSegment.Create(_settings.Directory, firstSeq);
        _activeHandle = File.OpenHandle(segment.Path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
        _activeOpenedAt = now;
        DirectorySync.Flush(_settings.Directory);
        lock (_gate)
        {
            _segments.Add(segment);
            _active = segment;
        }

        return (segment, 0);
    }

    /// <summary>
    /// After a failed write the frames may be partly or even wholly on disk, so their seqs are never handed out again
    /// (a gap is honest; a reused seq would make the cloud drop new data as a duplicate). The half-written tail is cut
    /// off, or, if even that fails, the segment is closed so that recovery treats the tail as torn.
    /// </summary>
    private void AbandonFailedWrite(long lastSealedSeq)
    {
        lock (_gate)
        {
            _lastSeq = lastSealedSeq;
        }

        if (_active is not { } active || _activeHandle is null)
        {
            return;
        }

        try
        {
            RandomAccess.SetLength(_activeHandle, active.Size);
        }
        catch (Exception)
        {
            CloseActiveSegment();
        }
    }

    private void CloseActiveSegment()
    {
        _activeHandle?.Dispose();
        _activeHandle = null;
        OutboxSegment? empty;
        lock (_gate)
        {
            empty = _active is { Size: 0 } ? _active : null;
            if (empty is not null)
            {
                _segments.Remove(empty);
            }

            _active = null;
        }

        if (empty is not null)
        {
            try
            {
                File.Delete(empty.Path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.SegmentDeleteFailed(_logger, empty.Path, ex);
            }
        }
    }

    private void WatchSize(long bytesOnDisk)
    {
        if (bytesOnDisk > _settings.MaxBytes)
        {
            _metrics.OutboxOverMaxBytes();
            _housekeeping.Writer.TryWrite(true);
            if (!_overMaxBytes)
            {
                _overMaxBytes = true;
                Log.OverMaxBytes(_logger, bytesOnDisk, _settings.MaxBytes, _settings.EvictToBytes);
            }
        }
        else if (_overMaxBytes)
        {
            _overMaxBytes = false;
            Log.BackUnderMaxBytes(_logger, bytesOnDisk, _settings.MaxBytes);
        }
    }
}
