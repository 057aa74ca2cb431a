using SmartHome.Contracts.Telemetry;

namespace SmartHome.Gateway.Outbox;

/// <summary>
/// Folds the raw temperature readings of a segment into one record per appliance, sensor, quality and interval
/// (intervals aligned to the Unix epoch): <c>celsius</c> is the mean, with <c>minCelsius</c>, <c>maxCelsius</c>,
/// <c>samples</c> and <c>rollupSeconds</c>, and <c>at</c> the interval's start. The rollup takes the place of the
/// interval's first reading; a reading alone in its interval, and a record that is already a rollup, stay as they are.
/// </summary>
internal static class TemperatureRollup
{
    public static (List<StoredEnvelope> Kept, EvictionCounts Evicted) Apply(IReadOnlyList<StoredEnvelope> envelopes, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        var groups = envelopes
            .SelectMany(stored => stored.Envelope.Records)
            .Where(IsRawTemperature)
            .GroupBy(record => (record.Appliance, record.Sensor, record.Quality, Start: IntervalStart(record.At, interval)))
            .Where(group => group.Skip(1).Any())
            .ToList();
        if (groups.Count == 0)
        {
            return (envelopes.ToList(), default);
        }

        // Records are told apart by reference: two equal readings are still two samples.
        var replacement = new Dictionary<TelemetryRecord, TelemetryRecord?>(ReferenceEqualityComparer.Instance);
        foreach (var group in groups)
        {
            replacement[group.First()] = RollUp(group.ToList(), group.Key.Start, interval);
            foreach (var folded in group.Skip(1))
            {
                replacement[folded] = null;
            }
        }

        var kept = new List<StoredEnvelope>(envelopes.Count);
        foreach (var stored in envelopes)
        {
            var records = stored.Envelope.Records
                .Select(record => replacement.TryGetValue(record, out var replaced) ? replaced : record)
                .OfType<TelemetryRecord>()
                .ToList();
            if (records.Count > 0)
            {
                kept.Add(stored with { Envelope = stored.Envelope with { Records = records } });
            }
        }

        return (kept, new(groups.Sum(group => (long)group.Count()), 0, 0, 0));
    }

    private static bool IsRawTemperature(TelemetryRecord record) => record is { Kind: RecordKind.Temperature, Samples: null, Celsius: not null };

    private static DateTimeOffset IntervalStart(DateTimeOffset at, TimeSpan interval) =>
        new(at.UtcTicks - (at.UtcTicks % interval.Ticks), TimeSpan.Zero);

    private static TelemetryRecord RollUp(List<TelemetryRecord> readings, DateTimeOffset start, TimeSpan interval)
    {
        var values = readings.ConvertAll(reading => reading.Celsius!.Value);
        var (min, max) = (values.Min(), values.Max());
        return readings[0] with
        {
            At = start,
            Historical = false,
            Celsius = Math.Clamp(Math.Round(values.Average(), 3), min, max),
            MinCelsius = min,
            MaxCelsius = max,
            Samples = readings.Count,
            RollupSeconds = (int)interval.TotalSeconds,
        };
    }
}
