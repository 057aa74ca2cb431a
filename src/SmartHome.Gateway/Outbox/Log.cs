
namespace SmartHome.Gateway.Outbox;

internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Information, "Outbox opened in {Directory}: {PendingEnvelopes} envelopes ({PendingRecords} records) pending, next seq {NextSeq}")]
    public static partial void OutboxOpened(ILogger logger, string directory, long pendingEnvelopes, long pendingRecords, long nextSeq);

    [LoggerMessage(1101, LogLevel.Warning, "Outbox segment {Segment} ended in a torn or corrupt frame at offset {Offset}: truncated {Bytes} bytes (an interrupted write that was never acknowledged)")]
    public static partial void TornTailTruncated(ILogger logger, string segment, long offset, long bytes);

    [LoggerMessage(1102, LogLevel.Error, "Outbox segment {Segment} is corrupt from offset {Offset}: the {Bytes} bytes from there on are skipped")]
    public static partial void CorruptSegmentSkipped(ILogger logger, string segment, long offset, long bytes);

    [LoggerMessage(1103, LogLevel.Warning, "Outbox cursor {File} could not be read ({Problem}); the log alone decides what is pending")]
    public static partial void CursorUnreadable(ILogger logger, string file, string problem);

    [LoggerMessage(1104, LogLevel.Error, "Outbox write of {Records} records failed; the appliances are not acknowledged and will resend")]
    public static partial void WriteFailed(ILogger logger, int records, Exception exception);

    [LoggerMessage(1105, LogLevel.Warning, "Outbox holds {BytesOnDisk} bytes, over its limit of {MaxBytes} (SmartHome:Gateway:Outbox:MaxBytes); it evicts by class (temperature first) down to {EvictTo} bytes")]
    public static partial void OverMaxBytes(ILogger logger, long bytesOnDisk, long maxBytes, long evictTo);

    [LoggerMessage(1106, LogLevel.Information, "Outbox is back under its limit: {BytesOnDisk} of {MaxBytes} bytes")]
    public static partial void BackUnderMaxBytes(ILogger logger, long bytesOnDisk, long maxBytes);

    [LoggerMessage(1107, LogLevel.Error, "Outbox cursor could not be written; acknowledged envelopes may be sent again after a restart")]
    public static partial void CursorWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(1108, LogLevel.Warning, "Outbox segment {Segment} could not be deleted")]
    public static partial void SegmentDeleteFailed(ILogger logger, string segment, Exception exception);

    [LoggerMessage(1109, LogLevel.Error, "Outbox envelope seq {Seq} in {Segment} no longer reads back intact; it is dropped")]
    public static partial void EnvelopeUnreadable(ILogger logger, long seq, string segment);

    [LoggerMessage(1110, LogLevel.Error, "Outbox segment {Segment} has {Bytes} corrupt bytes at offset {Offset}; they are skipped and the intact frames after them kept")]
    public static partial void CorruptRangeSkipped(ILogger logger, string segment, long offset, long bytes);

    [LoggerMessage(1111, LogLevel.Warning, "Outbox compaction file {File} was never finished (interrupted); deleted, the segment it was replacing is kept")]
    public static partial void UnfinishedCompactionDeleted(ILogger logger, string file);

    [LoggerMessage(1112, LogLevel.Information, "Outbox segment {Segment} is superseded by {Kept} (a compaction interrupted before its old file was deleted); deleted")]
    public static partial void SupersededSegmentDeleted(ILogger logger, string segment, string kept);

    [LoggerMessage(1113, LogLevel.Information, "Outbox compacted {Segment} ({Step}): {TemperatureRolledUp} temperature readings rolled up, {TemperatureDropped} dropped, {AgeExpired} records past SmartHome:Gateway:Outbox:MaxAge dropped; {BytesBefore} -> {BytesAfter} bytes")]
    public static partial void SegmentCompacted(ILogger logger, string segment, EvictionStep step, long temperatureRolledUp, long temperatureDropped, long ageExpired, long bytesBefore, long bytesAfter);

    [LoggerMessage(1114, LogLevel.Warning, "Outbox is over SmartHome:Gateway:Outbox:MaxBytes with no temperature left to roll up or drop: {Records} door, inventory, fault and status records of {Segment} were dropped")]
    public static partial void OtherRecordsDropped(ILogger logger, long records, string segment);

    [LoggerMessage(1115, LogLevel.Error, "Outbox segment {Segment} could not be compacted; it is kept as it is")]
    public static partial void CompactionFailed(ILogger logger, string segment, Exception exception);
}
