using SmartHome.Contracts.Telemetry;

namespace SmartHome.Cloud.Core.Twin;

/// <summary>
/// Folds readings into a compartment's slot history, in any order, and keeps it within its age bound. Only good
/// readings go in: the history is what food is judged on, and a suspect reading (a probe's 85.0 °C power-on value)
/// must not age or condemn anything.
/// </summary>
internal static class TemperatureHistory
{
    public static void Add(Compartment compartment, DateTimeOffset at, double celsius, RecordQuality quality, CoreOptions options)
    {
        var history = compartment.History;
        var slotStart = SlotStart(at, options.HistoryResolution);
        if (quality != RecordQuality.Good || slotStart < Cutoff(history, slotStart, options))
        {
            return;
        }

        var index = history.FindLastIndex(s => s.At <= slotStart);
        if (index >= 0 && history[index].At == slotStart)
        {
            history[index].MinCelsius = Math.Min(history[index].MinCelsius, celsius);
            history[index].MaxCelsius = Math.Max(history[index].MaxCelsius, celsius);
        }
        else
        {
            history.Insert(index + 1, new TemperatureSlot { At = slotStart, MinCelsius = celsius, MaxCelsius = celsius });
        }
    }

    /// <summary>
    /// The start of the oldest slot within the age bound: older slots can no longer change (readings for them are
    /// dropped), so what items make of them can be settled before <see cref="Prune"/> drops them.
    /// </summary>
    public static DateTimeOffset KeptFrom(Compartment compartment, CoreOptions options)
    {
        var history = compartment.History;
        if (history.Count == 0)
        {
            return DateTimeOffset.MinValue;
        }

        var cutoff = history[^1].At - options.HistoryRetention;
        return history.Find(s => s.At >= cutoff)!.At;
    }

    public static void Prune(Compartment compartment, CoreOptions options)
    {
        var keptFrom = KeptFrom(compartment, options);
        var firstKept = compartment.History.FindIndex(s => s.At >= keptFrom);
        if (firstKept > 0)
        {
            compartment.History.RemoveRange(0, firstKept);
        }
    }

    private static DateTimeOffset Cutoff(List<TemperatureSlot> history, DateTimeOffset slotStart, CoreOptions options)
    {
        var newest = history.Count > 0 && history[^1].At > slotStart ? history[^1].At : slotStart;
        return newest - options.HistoryRetention;
    }

    private static DateTimeOffset SlotStart(DateTimeOffset at, TimeSpan resolution)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % resolution.Ticks), TimeSpan.Zero);
    }
}
