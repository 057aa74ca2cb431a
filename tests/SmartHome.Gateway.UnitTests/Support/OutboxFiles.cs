using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.Outbox;

namespace SmartHome.Gateway.UnitTests.Support;

/// <summary>Reads a closed outbox's folder as the next start would: through recovery, then every pending envelope.</summary>
internal static class OutboxFiles
{
    public static List<TelemetryEnvelope> RecoverPending(string directory)
    {
        var cursor = OutboxCursor.Read(directory, out _);
        var recovered = OutboxRecovery.Recover(directory, cursor?.AckedSeq ?? 0, NullLogger.Instance);
        return recovered.Pending.ConvertAll(entry =>
        {
            var frame = File.ReadAllBytes(entry.SegmentPath).AsSpan(checked((int)entry.Offset), entry.Length);
            Assert.True(OutboxFrame.TryRead(frame, out var info, out var json));
            Assert.Equal(entry.Seq, info.Seq);
            return JsonSerializer.Deserialize(frame[json], ContractsJsonContext.Default.TelemetryEnvelope)!;
        });
    }

    public static EvictionCounts Evicted(string directory) => OutboxCursor.Read(directory, out _)?.Evicted ?? default;

    public static Dictionary<string, byte[]> Snapshot(string directory) =>
        Directory.EnumerateFiles(directory, "*" + OutboxSegment.Extension).ToDictionary(path => Path.GetFileName(path), File.ReadAllBytes);
}
