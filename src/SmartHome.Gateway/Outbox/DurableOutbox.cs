using System.Threading.Channels;
using Microsoft.Win32.SafeHandles;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.Clock;
using SmartHome.Gateway.Health;

namespace SmartHome.Gateway.Outbox;

/// <summary>
/// The gateway's crash-safe store between the appliance link and the uplink: an append-only log of telemetry
/// envelopes in segment files, plus a cursor of what the broker acknowledged.
/// </summary>
/// <remarks>
/// Envelopes may be acknowledged in any order (the uplink sends live envelopes ahead of a replayed backlog). The
/// persisted cursor is the contiguous acknowledged prefix; envelopes acknowledged beyond it are remembered in memory
/// only and skipped by <see cref="GetPending"/>, so a crash resends just those, with their seq, for the cloud to dedupe.
/// </remarks>
/// <remarks>
/// Records are grouped at write time (group commit): the writer collects what arrives within <see cref="OutboxSettings.Linger"/>
/// (or up to <see cref="OutboxSettings.MaxBatchRecords"/>), seals it into envelopes with their seq, writes one frame
/// run, fsyncs, and only then completes every <see cref="AppendAsync"/> of the batch. Every record stays until the
/// broker acknowledges it, unless the outbox goes over its size or age bound: then closed segments are compacted,
/// evicting by class (see <see cref="EnforceBounds"/>).
/// </remarks>
internal sealed partial class DurableOutbox : IAsyncDisposable
{
    private const int CompactAfter = 1024;

    private readonly OutboxSettings _settings;
    private readonly GatewayIdentity _identity;
    private readonly GatewayClock _clock;
    private readonly TimeProvider _time;
    private readonly GatewayMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    private readonly Channel<bool> _housekeeping =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private readonly Lock _gate = new();
    private readonly List<OutboxSegment> _segments;
    private readonly List<OutboxEntry> _pending;
    private readonly HashSet<long> _ackedBeyondCursor = [];
    private readonly Task _writer;
    private readonly Task _cursorWriter;
    private readonly ITimer _ageCheck;
    private int _pendingHead;
    private long _pendingRecords;
    private long _lastSeq;
    private long _ackedSeq;
    private long _bytesOnDisk;
    private bool _overMaxBytes;
    private OutboxCursor _persistedCursor;
    private EvictionCounts _evicted;
    private TaskCompletionSource _appended = NewSignal();

    private const long NotCommitting = 0;

    // The writer loop's commit in progress, as a TimeProvider timestamp; read by the watchdog.
    private long _commitStartedAt = NotCommitting;

    // Owned by the writer loop only.
    private OutboxSegment? _active;
    private SafeFileHandle? _activeHandle;
    private DateTimeOffset _activeOpenedAt;

    private DurableOutbox(
        OutboxSettings settings, GatewayIdentity identity, GatewayClock clock, TimeProvider time, GatewayMetrics metrics, ILogger logger,
        OutboxCursor cursor, RecoveredLog recovered)
    {
        _settings = settings;
        _identity = identity;
        _clock = clock;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _segments = recovered.Segments;
        _pending = recovered.Pending;
        _pendingRecords = _pending.Sum(entry => (long)entry.RecordCount);
        _ackedSeq = cursor.AckedSeq;
        _lastSeq = Math.Max(recovered.LastSeq, Math.Max(cursor.HighWaterSeq, cursor.AckedSeq));
        _bytesOnDisk = _segments.Sum(segment => segment.Size);
        _persistedCursor = cursor;
        _evicted = cursor.Evicted;
        _metrics.CorruptFramesSkipped(recovered.CorruptFrames);
        _metrics.ObserveOutbox(() => GetStatus().PendingEnvelopes, () => GetStatus().PendingRecords, () => GetStatus().OldestPendingAgeSeconds);

        // Deletes the segments that were fully acknowledged before the restart, and applies the bounds.
        _housekeeping.Writer.TryWrite(true);
        _writer = Task.Run(WriteLoopAsync);
        _cursorWriter = Task.Run(CursorLoopAsync);
        _ageCheck = time.CreateTimer(_ => _housekeeping.Writer.TryWrite(true), null, settings.SegmentMaxAge, settings.SegmentMaxAge);
    }

    /// <summary>The end of the acknowledged prefix: every envelope up to this seq was acknowledged by the broker.</summary>
    public long AckedSeq
    {
        get
        {
            lock (_gate)
            {
                return _ackedSeq;
            }
        }
    }

    /// <summary>Recovers the outbox in <see cref="OutboxSettings.Directory"/> (creating it if needed) and starts its writer.</summary>
    public static DurableOutbox Open(
        OutboxSettings settings, GatewayIdentity identity, GatewayClock clock, TimeProvider time, GatewayMetrics metrics, ILogger<DurableOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        Directory.CreateDirectory(settings.Directory);
        var cursor = OutboxCursor.Read(settings.Directory, out var problem);
        if (problem is not null)
        {
            Log.CursorUnreadable(logger, Path.Combine(settings.Directory, OutboxCursor.FileName), problem);
        }

        cursor ??= new(0, 0);
        var recovered = OutboxRecovery.Recover(settings.Directory, cursor.AckedSeq, logger);
        var outbox = new DurableOutbox(settings, identity, clock, time, metrics, logger, cursor, recovered);
        var status = outbox.GetStatus();
        Log.OutboxOpened(logger, settings.Directory, status.PendingEnvelopes, status.PendingRecords, status.LastSeq + 1);
        return outbox;
    }

    /// <summary>Completes once <paramref name="record"/> is on disk (fsynced) inside a sealed envelope.</summary>
    public Task AppendAsync(TelemetryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var append = new PendingAppend(record, new(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_appends.Writer.TryWrite(append), this);
        return append.Durable.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="max"/> unacknowledged envelopes with a seq after <paramref name="afterSeq"/>, in seq order.
    /// </summary>
    public IReadOnlyList<OutboxEntry> GetPending(long afterSeq, int max)
    {
        lock (_gate)
        {
            var found = new List<OutboxEntry>(Math.Min(max, 64));
            for (var i = FirstPendingAfter(afterSeq); i < _pending.Count && found.Count < max; i++)
            {
                if (!_ackedBeyondCursor.Contains(_pending[i].Seq))
                {
                    found.Add(_pending[i]);
                }
            }

            return found;
        }
    }

    /// <summary>
    /// The seq of the newest pending envelope written at or before <paramref name="cutoff"/> (the end of a backlog),
    /// or <see cref="AckedSeq"/> when there is none.
    /// </summary>
    public long LastSeqWrittenBy(DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            // From the newest: the envelopes written after the cutoff are few.
            for (var i = _pending.Count - 1; i >= _pendingHead; i--)
            {
                if (_pending[i].WrittenAt <= cutoff)
                {
                    return _pending[i].Seq;
                }
            }

            return _ackedSeq;
        }
    }

    /// <summary>Completes when an unacknowledged envelope with a seq after <paramref name="afterSeq"/> is pending.</summary>
    public Task WaitForPendingAsync(long afterSeq, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            for (var i = FirstPendingAfter(afterSeq); i < _pending.Count; i++)
            {
                if (!_ackedBeyondCursor.Contains(_pending[i].Seq))
                {
                    return Task.CompletedTask;
                }
            }

            return _appended.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The envelope's JSON as it is stored now, or null when it no longer reads back intact (media corruption) or the
    /// outbox's bounds evicted it since <paramref name="entry"/> was handed out.
    /// </summary>
    public byte[]? TryReadEnvelope(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        OutboxEntry current;
        SafeFileHandle handle;
        lock (_gate)
        {
            // Compaction may have moved the envelope to a new file since the entry was handed out. It swaps the entries
            // under this lock and deletes the file they left only after, so the file opened here is still there.
            var index = IndexOf(entry.Seq);
            if (index < 0)
            {
                return null;
            }

            current = _pending[index];
            handle = File.OpenHandle(current.SegmentPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        var frame = new byte[current.Length];
        using (handle)
        {
            if (RandomAccess.Read(handle, frame, current.Offset) == frame.Length
                && OutboxFrame.TryRead(frame, out var info, out var json)
                && info.Seq == current.Seq)
            {
                return frame[json];
            }
        }

        Log.EnvelopeUnreadable(_logger, current.Seq, current.SegmentPath);
        _metrics.CorruptFramesSkipped(1);
        return null;
    }

    /// <summary>Marks the envelope <paramref name="seq"/> as acknowledged by the broker, in any order.</summary>
    public void Acknowledge(long seq)
    {
        lock (_gate)
        {
            if (seq > _lastSeq)
            {
                throw new ArgumentOutOfRangeException(nameof(seq), seq, $"seq {seq} was never written (last is {_lastSeq})");
            }

            var index = FirstPendingAfter(seq - 1);
            if (index == _pending.Count || _pending[index].Seq != seq || !_ackedBeyondCursor.Add(seq))
            {
                return;
            }

            _pendingRecords -= _pending[index].RecordCount;
            if (index != _pendingHead)
            {
                return;
            }

            AdvanceAcknowledgedPrefix();
        }

        _housekeeping.Writer.TryWrite(true);
    }

    public OutboxStatus GetStatus()
    {
        lock (_gate)
        {
            var oldestAge = _pendingHead < _pending.Count
                ? Math.Max(0, (_time.GetUtcNow() - _pending[_pendingHead].WrittenAt).TotalSeconds)
                : 0;
            return new(_pending.Count - _pendingHead - _ackedBeyondCursor.Count, _pendingRecords, oldestAge, _bytesOnDisk, _settings.MaxBytes, _lastSeq, _ackedSeq, _evicted);
        }
    }

    /// <summary>Writes what was appended before, persists the cursor, and closes the files.</summary>
    public async ValueTask DisposeAsync()
    {
        await _ageCheck.DisposeAsync();
        _appends.Writer.TryComplete();
        await _writer;
        _housekeeping.Writer.TryComplete();
        await _cursorWriter;
        _activeHandle?.Dispose();
    }

    /// <summary>Moves the cursor over the envelopes at the head that were acknowledged out of order. Call under the lock.</summary>
    private void AdvanceAcknowledgedPrefix()
    {
        while (_pendingHead < _pending.Count && _ackedBeyondCursor.Remove(_pending[_pendingHead].Seq))
        {
            _ackedSeq = _pending[_pendingHead].Seq;
            _pendingHead++;
        }

        if (_pendingHead >= CompactAfter && _pendingHead * 2 >= _pending.Count)
        {
            _pending.RemoveRange(0, _pendingHead);
            _pendingHead = 0;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int FirstPendingAfter(long seq) => FirstAfter(seq, _pendingHead);

    /// <summary>The index of the entry with <paramref name="seq"/>, acknowledged or not, or -1 when there is none (any more).</summary>
    private int IndexOf(long seq)
    {
        var index = FirstAfter(seq - 1, 0);
        return index < _pending.Count && _pending[index].Seq == seq ? index : -1;
    }

    private int FirstAfter(long seq, int from)
    {
        // _pending is sorted by seq.
        int low = from, high = _pending.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_pending[middle].Seq <= seq)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private sealed record PendingAppend(TelemetryRecord Record, TaskCompletionSource Durable);
}
