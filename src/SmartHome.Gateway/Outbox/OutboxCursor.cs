using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartHome.Gateway.Outbox;

/// <summary>
/// The small persisted state beside the log: the last seq the broker acknowledged, and the highest seq ever handed
/// out, so that seq never goes backwards even once every segment has been deleted; and what the outbox's bounds
/// have evicted since it was created.
/// </summary>
internal sealed record OutboxCursor(long AckedSeq, long HighWaterSeq)
{
    public const string FileName = "cursor.json";

    public EvictionCounts Evicted { get; init; }

    /// <summary>The cursor, or null when there is none yet or it cannot be read (the log alone then decides).</summary>
    public static OutboxCursor? Read(string directory, out string? problem)
    {
        problem = null;
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var cursor = JsonSerializer.Deserialize(File.ReadAllBytes(path), OutboxJsonContext.Default.OutboxCursor);
            if (cursor is { AckedSeq: >= 0, HighWaterSeq: >= 0 })
            {
                return cursor;
            }

            problem = "negative or null values";
        }
        catch (JsonException ex)
        {
            problem = ex.Message;
        }

        return null;
    }

    /// <summary>Replaces the cursor atomically: a crash leaves either the old or the new one, never half of either.</summary>
    public void Write(string directory) =>
        AtomicFile.Replace(Path.Combine(directory, FileName), stream => JsonSerializer.Serialize(stream, this, OutboxJsonContext.Default.OutboxCursor));
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OutboxCursor))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
