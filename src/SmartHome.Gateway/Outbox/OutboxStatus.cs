namespace SmartHome.Gateway.Outbox;

/// <summary>The outbox's depth and size at one moment.</summary>
internal sealed record OutboxStatus(
    long PendingEnvelopes,
    long PendingRecords,
    double OldestPendingAgeSeconds,
    long BytesOnDisk,
    long MaxBytes,
    long LastSeq,
    long AckedSeq,
    EvictionCounts Evicted);
