using SmartHome.Cloud.Core.Twin;

namespace SmartHome.Cloud.Core.ShelfLife;

/// <summary>
/// Integrates a compartment's history over an item's stay. The history is read as a curve: each slot holds its
/// maximum for the slot's length (conservative: door openings count at their peak), and a gap between slots (the
/// gateway or appliance offline, a power cut) is bridged by a straight line from the last slot before it to the first
/// after it. Nothing is assumed before the first slot or after the last.
/// </summary>
internal static class TemperatureExposure
{
    /// <summary>Settles every item, then drops the history slots no late reading can reach any more.</summary>
    public static void UpdateAll(HouseholdTwin twin, CoreOptions options, Action<InventoryItem, TemperatureDose> updated)
    {
        foreach (var item in twin.Inventory)
        {
            updated(item, Update(item, twin, options));
        }

        foreach (var compartment in twin.Appliances.SelectMany(a => a.Compartments))
        {
            TemperatureHistory.Prune(compartment, options);
        }
    }

    /// <summary>Brings the item's exposure up to date with its compartment's history; returns the stay's total.</summary>
    private static TemperatureDose Update(InventoryItem item, HouseholdTwin twin, CoreOptions options)
    {
        var exposure = item.Exposure;
        if (exposure is null || exposure.ApplianceId != item.ApplianceId || exposure.Location != item.Location || exposure.Since != item.LocationSince)
        {
            exposure = new ItemExposure
            {
                ApplianceId = item.ApplianceId,
                Location = item.Location,
                Since = item.LocationSince,
                SettledUntil = item.LocationSince,
            };
            item.Exposure = exposure;
        }

        if (CompartmentOf(twin, item) is { History.Count: > 0 } compartment)
        {
            var curve = new Curve(compartment.History, options, SpoilageRate.For(item.Location));
            var keptFrom = TemperatureHistory.KeptFrom(compartment, options);
            if (keptFrom > exposure.SettledUntil)
            {
                exposure.Settled = exposure.Settled.Plus(curve.Integrate(exposure.SettledUntil, keptFrom, exposure.Settled.AboveUnsafe));
                exposure.SettledUntil = keptFrom;
            }

            exposure.Total = exposure.Settled.Plus(curve.Integrate(exposure.SettledUntil, DateTimeOffset.MaxValue, exposure.Settled.AboveUnsafe));
        }
        else
        {
            exposure.Total = exposure.Settled;
        }

        return exposure.Total;
    }

    /// <summary>The compartment an item is in: the first of its appliance's compartments of its kind of place.</summary>
    private static Compartment? CompartmentOf(HouseholdTwin twin, InventoryItem item) =>
        twin.FindAppliance(item.ApplianceId)?.Compartments.Find(c => c.Kind == item.Location);

    private sealed class Curve(List<TemperatureSlot> slots, CoreOptions options, SpoilageRate? rate)
    {
        private double _lifeUsedHours;
        private double _warmHours;
        private double _aboveHours;
        private double _aboveBeforeHours;
        private DateTimeOffset? _unsafeFrom;
        private double? _peak;

        /// <summary>The dose of the curve between two moments.</summary>
        /// <param name="from">Where to start.</param>
        /// <param name="to">Where to end; past the newest slot, the curve ends there.</param>
        /// <param name="aboveBefore">The time above the unsafe temperature earlier in the stay, to tell when the total passes the limit.</param>
        public TemperatureDose Integrate(DateTimeOffset from, DateTimeOffset to, TimeSpan aboveBefore)
        {
            var resolution = options.HistoryResolution;
            (_lifeUsedHours, _warmHours, _aboveHours, _aboveBeforeHours, _unsafeFrom, _peak) = (0, 0, 0, aboveBefore.TotalHours, null, null);
            for (var i = 0; i < slots.Count; i++)
            {
                var slot = slots[i];
                var slotEnd = slot.At + resolution;
                Segment(slot.At, slotEnd, slot.MaxCelsius, slot.MaxCelsius, from, to);
                if (i + 1 < slots.Count && slots[i + 1].At > slotEnd)
                {
                    Segment(slotEnd, slots[i + 1].At, slot.MaxCelsius, slots[i + 1].MaxCelsius, from, to);
                }
            }

            return new()
            {
                LifeUsed = Hours(_lifeUsedHours),
                Warm = Hours(_warmHours),
                AboveUnsafe = Hours(_aboveHours),
                UnsafeFrom = _unsafeFrom,
                PeakCelsius = _peak,
            };
        }

        private void Segment(DateTimeOffset start, DateTimeOffset end, double startCelsius, double endCelsius, DateTimeOffset from, DateTimeOffset to)
        {
            var clippedStart = start > from ? start : from;
            var clippedEnd = end < to ? end : to;
            if (clippedEnd <= clippedStart)
            {
                return;
            }

            var slope = (endCelsius - startCelsius) / (end - start).TotalHours;
            var t0 = startCelsius + (slope * (clippedStart - start).TotalHours);
            var t1 = startCelsius + (slope * (clippedEnd - start).TotalHours);
            var hours = (clippedEnd - clippedStart).TotalHours;
            _peak = Math.Max(_peak ?? double.MinValue, Math.Max(t0, t1));
            if (Above(t0, t1, hours, options.UnsafeAboveCelsius) is { } above)
            {
                var limit = options.UnsafeAfter.TotalHours - _aboveBeforeHours;
                if (_unsafeFrom is null && _aboveHours < limit && _aboveHours + above.Hours > limit)
                {
                    _unsafeFrom = clippedStart + Hours(above.StartsAfter + limit - _aboveHours);
                }

                _aboveHours += above.Hours;
            }

            if (rate is not null && Above(t0, t1, hours, rate.WarmAboveCelsius) is { } warm)
            {
                _warmHours += warm.Hours;
                _lifeUsedHours += rate.ExtraHours(warm.From, warm.To, warm.Hours);
            }
        }

        /// <summary>
        /// The part of a linear stretch above <paramref name="threshold"/>: its temperatures at both ends, its length,
        /// and how long into the stretch it starts (all in hours).
        /// </summary>
        private static (double From, double To, double Hours, double StartsAfter)? Above(double t0, double t1, double hours, double threshold)
        {
            if (t0 <= threshold && t1 <= threshold)
            {
                return null;
            }

            if (t0 > threshold && t1 > threshold)
            {
                return (t0, t1, hours, 0);
            }

            var crossing = hours * (threshold - t0) / (t1 - t0);
            return t0 > threshold ? (t0, threshold, crossing, 0) : (threshold, t1, hours - crossing, crossing);
        }

        private static TimeSpan Hours(double hours) => TimeSpan.FromTicks((long)Math.Round(hours * TimeSpan.TicksPerHour));
    }
}
