namespace SmartHome.Cloud.UnitTests.Core.Simulated;

/// <summary>
/// docs/shelf-life.md's model worked out again from raw readings, independently of the core: readings grouped into
/// five-minute slots kept as their range, a gap between slots bridged by a straight line, and the integrals summed in
/// one-second steps (the core solves them exactly, piece by piece). Life used: the square-root model's relative rate
/// ((T + 10) / 14)² (0 below −10 °C) beyond the nominal rate, on the slots' maxima. The food's temperature: a first-order lag of the slots' middles,
/// followed step by step from the air's temperature at the stay's start.
/// </summary>
internal sealed class ReferenceCurve
{
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private readonly List<(DateTimeOffset Start, double Min, double Max)> _slots;

    public ReferenceCurve(IEnumerable<(DateTimeOffset At, double Celsius)> readings) =>
        _slots = [.. readings
            .GroupBy(r => new DateTimeOffset(r.At.UtcTicks - (r.At.UtcTicks % Slot.Ticks), TimeSpan.Zero))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Min(r => r.Celsius), g.Max(r => r.Celsius)))];

    /// <summary>
    /// Life used beyond nominal from <paramref name="from"/> to the last slot's end: in the fridge beyond the rate at
    /// 4 °C (<paramref name="nominalRate"/> 1), in the freezer all growth (0).
    /// </summary>
    public TimeSpan LifeUsed(DateTimeOffset from, double nominalRate = 1)
    {
        var hours = 0.0;
        foreach (var (_, max, _) in Walk(from))
        {
            var relative = Math.Max(0, (max + 10) / 14);
            hours += Math.Max(0, (relative * relative) - nominalRate) * Step.TotalHours;
        }

        return TimeSpan.FromHours(hours);
    }

    /// <summary>When the food's estimated temperature has spent more than <paramref name="limit"/> above <paramref name="aboveCelsius"/> since <paramref name="from"/>; null if it has not.</summary>
    public DateTimeOffset? UnsafeFrom(DateTimeOffset from, TimeSpan lag, double aboveCelsius, TimeSpan limit)
    {
        double? food = null;
        var above = TimeSpan.Zero;
        foreach (var (at, _, middle) in Walk(from))
        {
            food = food is { } f ? f + ((middle - f) * Step.TotalHours / lag.TotalHours) : middle;
            if (food > aboveCelsius)
            {
                above += Step;
                if (above > limit)
                {
                    return at;
                }
            }
        }

        return null;
    }

    /// <summary>The curve's maximum and middle at the middle of each step from <paramref name="from"/> to the end of the last slot.</summary>
    private IEnumerable<(DateTimeOffset At, double Max, double Middle)> Walk(DateTimeOffset from)
    {
        var index = 0;
        var end = _slots[^1].Start + Slot;
        for (var at = (from > _slots[0].Start ? from : _slots[0].Start) + (Step / 2); at < end; at += Step)
        {
            while (index + 1 < _slots.Count && _slots[index + 1].Start <= at)
            {
                index++;
            }

            var (start, min, max) = _slots[index];
            if (at < start + Slot)
            {
                yield return (at, max, (min + max) / 2);
                continue;
            }

            // In the gap after this slot: the line from it to the next one.
            var next = _slots[index + 1];
            var share = (at - (start + Slot)) / (next.Start - (start + Slot));
            yield return (at, max + ((next.Max - max) * share), ((min + max) / 2) + ((((next.Min + next.Max) / 2) - ((min + max) / 2)) * share));
        }
    }
}
