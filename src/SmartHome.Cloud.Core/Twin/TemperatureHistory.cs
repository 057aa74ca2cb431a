namespace SmartHome.Cloud.Core.Twin;

/// <summary>Folds readings into a compartment's slot history, in any order, and keeps it within its age bound.</summary>
internal static class TemperatureHistory
{
    public static void Add(Compartment compartment, DateTimeOffset at, double celsius, CoreOptions options)
    {
        var history = compartment.History;
        var slotStart = SlotStart(at, options.HistoryResolution);
        var newest = history.Count > 0 && history[^1].At > slotStart ? history[^1].At : slotStart;
        var cutoff = newest - options.HistoryRetention;
        if (slotStart < cutoff)
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

        var firstKept = history.FindIndex(s => s.At >= cutoff);
        if (firstKept > 0)
        {
            history.RemoveRange(0, firstKept);
        }
    }

    private static DateTimeOffset SlotStart(DateTimeOffset at, TimeSpan resolution)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % resolution.Ticks), TimeSpan.Zero);
    }
}
