using SmartHome.Contracts.Telemetry;

namespace SmartHome.Gateway.Outbox;

/// <summary>The steps of eviction, in the order the outbox takes them when it is over its size limit.</summary>
internal enum EvictionStep
{
    /// <summary>Envelopes written before the age limit go, whatever they hold.</summary>
    ExpireByAge,

    /// <summary>Temperature readings of one sensor within one interval become one min/mean/max record.</summary>
    RollUpTemperature,

    /// <summary>Every temperature record goes, rolled up or not.</summary>
    DropTemperature,

    /// <summary>Everything else goes; only taken once no temperature is left anywhere in the outbox.</summary>
    DropOther,
}

/// <summary>A pending envelope as read back from a segment: its frame's seq and write time, and its contents.</summary>
internal sealed record StoredEnvelope(long Seq, DateTimeOffset WrittenAt, TelemetryEnvelope Envelope);

/// <summary>
/// Applies one <see cref="EvictionStep"/> to the envelopes of one segment. Envelopes keep their seq, message id and
/// order; one whose records are all evicted disappears (the cloud sees a gap in seq, which is what it is).
/// </summary>
internal static class OutboxEviction
{
    public static (List<StoredEnvelope> Kept, EvictionCounts Evicted) Apply(
        IReadOnlyList<StoredEnvelope> envelopes, EvictionStep step, DateTimeOffset expireBefore, TimeSpan rollupInterval)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        return step switch
        {
            EvictionStep.ExpireByAge => ExpireByAge(envelopes, expireBefore),
            EvictionStep.RollUpTemperature => TemperatureRollup.Apply(envelopes, rollupInterval),
            EvictionStep.DropTemperature => Filter(envelopes, record => record.Kind == RecordKind.Temperature, record => new(0, record.Samples ?? 1, 0, 0)),
            EvictionStep.DropOther => Filter(envelopes, _ => true, record => record.Kind == RecordKind.Temperature ? new(0, record.Samples ?? 1, 0, 0) : new(0, 0, 1, 0)),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
    }

    private static (List<StoredEnvelope>, EvictionCounts) ExpireByAge(IReadOnlyList<StoredEnvelope> envelopes, DateTimeOffset expireBefore)
    {
        var expired = envelopes.Where(stored => stored.WrittenAt < expireBefore).Sum(stored => (long)stored.Envelope.Records.Count);
        return (envelopes.Where(stored => stored.WrittenAt >= expireBefore).ToList(), new(0, 0, 0, expired));
    }

    private static (List<StoredEnvelope>, EvictionCounts) Filter(
        IReadOnlyList<StoredEnvelope> envelopes, Func<TelemetryRecord, bool> evict, Func<TelemetryRecord, EvictionCounts> count)
    {
        var evicted = default(EvictionCounts);
        var kept = new List<StoredEnvelope>(envelopes.Count);
        foreach (var stored in envelopes)
        {
            var records = new List<TelemetryRecord>(stored.Envelope.Records.Count);
            foreach (var record in stored.Envelope.Records)
            {
                if (evict(record))
                {
                    evicted = evicted.Add(count(record));
                }
                else
                {
                    records.Add(record);
                }
            }

            if (records.Count > 0)
            {
                kept.Add(records.Count == stored.Envelope.Records.Count ? stored : stored with { Envelope = stored.Envelope with { Records = records } });
            }
        }

        return (kept, evicted);
    }
}
