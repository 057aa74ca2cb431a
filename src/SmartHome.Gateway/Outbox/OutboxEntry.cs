namespace SmartHome.Gateway.Outbox;

/// <summary>Where a pending envelope lives on disk, and what the uplink needs to know about it before reading it.</summary>
internal sealed record OutboxEntry(long Seq, string SegmentPath, long Offset, int Length, int RecordCount, DateTimeOffset WrittenAt);
