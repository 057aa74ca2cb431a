using SmartHome.Contracts.Validation;

namespace SmartHome.Gateway.Outbox;

/// <summary>How the outbox lays out and batches its files; <see cref="Options.OutboxOptions"/> sets the operator-facing part.</summary>
internal sealed record OutboxSettings(string Directory, long MaxBytes)
{
    /// <summary>How long the writer waits for more records before it commits a batch.</summary>
    public TimeSpan Linger { get; init; } = TimeSpan.FromMilliseconds(10);

    public int MaxBatchRecords { get; init; } = Math.Min(500, TelemetryEnvelopeValidator.MaxRecords);

    /// <summary>A segment is closed once it reaches this size; only closed segments are deleted once acknowledged, or compacted.</summary>
    public long SegmentBytes { get; init; } = Math.Clamp(MaxBytes / 16, 64 * 1024, 16 * 1024 * 1024);

    /// <summary>Pending envelopes written longer ago than this are evicted.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Temperature readings of one sensor within one such interval become one record when the outbox is over <see cref="MaxBytes"/>.</summary>
    public TimeSpan RollupInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The segment being written is closed once it is this old, so that the age bound can reach its frames (only closed
    /// segments are compacted), and how often the age bound is checked when nothing is written.
    /// </summary>
    public TimeSpan SegmentMaxAge => MaxAge / 16;

    /// <summary>Eviction, once started by going over <see cref="MaxBytes"/>, goes on until the outbox is down to this, so that it does not run on every write.</summary>
    public long EvictToBytes => MaxBytes / 5 * 4;
}
