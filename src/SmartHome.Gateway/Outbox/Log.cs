
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

    [LoggerMessage(1105, LogLevel.Warning, "Outbox holds {BytesOnDisk} bytes, over its limit of {MaxBytes} (SmartHome:Gateway:Outbox:MaxBytes); it keeps every record and goes on accepting")]
    public static partial void OverMaxBytes(ILogger logger, long bytesOnDisk, long maxBytes);

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
}
