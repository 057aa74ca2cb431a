using SmartHome.Contracts.Validation;

namespace SmartHome.Gateway.Outbox;

/// <summary>How the outbox lays out and batches its files; <see cref="Options.OutboxOptions"/> sets the operator-facing part.</summary>
internal sealed record OutboxSettings(string Directory, long MaxBytes)
{
    /// <summary>How long the writer waits for more records before it commits a batch.</summary>
    public TimeSpan Linger { get; init; } = TimeSpan.FromMilliseconds(10);

    public int MaxBatchRecords { get; init; } = Math.Min(500, TelemetryEnvelopeValidator.MaxRecords);

    /// <summary>A segment is closed once it reaches this size; only closed segments are deleted once acknowledged.</summary>
    public long SegmentBytes { get; init; } = Math.Clamp(MaxBytes / 16, 64 * 1024, 16 * 1024 * 1024);
}
