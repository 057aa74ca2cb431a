using SmartHome.Cloud.Core.Twin;

namespace SmartHome.Cloud.Core.ShelfLife;

/// <summary>
/// Integrates a compartment's history over an item's stay. The history is read as a curve: each slot holds its
/// maximum for the slot's length (conservative: door openings count at their peak), and a gap between slots (the
/// gateway or appliance offline, a power cut) is bridged by a straight line from the last slot before it to the first
/// after it. Nothing is assumed before the first slot or after the last. For the unsafe rule the food's own temperature
/// is estimated from that curve as a first-order lag (<see cref="CoreOptions.UnsafeFoodLag"/>), starting at the air's.
/// </summary>
internal static class TemperatureExposure
{
    /// <summary>
    /// Settles every item, then drops the history slots no late reading can reach any more. One curve per compartment
    /// serves the pass: items of a compartment whose stretches are the same (added together, or settled alike) share
    /// one integration.
    /// </summary>
    public static void UpdateAll(HouseholdTwin twin, CoreOptions options, Action<InventoryItem, TemperatureDose> updated)
    {
        var curves = new Dictionary<Compartment, Curve>(ReferenceEqualityComparer.Instance);
        foreach (var item in twin.Inventory)
        {
            updated(item, Update(item, twin, options, curves));
        }

        foreach (var compartment in twin.Appliances.SelectMany(a => a.Compartments))
        {
            TemperatureHistory.Prune(compartment, options);
        }
    }

    /// <summary>Brings the item's exposure up to date with its compartment's history; returns the stay's total.</summary>
    private static TemperatureDose Update(InventoryItem item, HouseholdTwin twin, CoreOptions options, Dictionary<Compartment, Curve> curves)
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

        var judged = Perishables.Include(item.Category);
        if (CompartmentOf(twin, item) is { History.Count: > 0 } compartment)
        {
            if (!curves.TryGetValue(compartment, out var curve))
            {
                curve = new Curve(compartment.History, options, SpoilageRate.For(compartment.Kind), TemperatureHistory.KeptFrom(compartment, options));
                curves.Add(compartment, curve);
            }

            if (curve.KeptFrom > exposure.SettledUntil)
            {
                // Settled with the food's temperature whatever the category, so that a category corrected later to a
                // perishable one is still judged on the whole stay.
                var (settled, food) = curve.Integrate(exposure.SettledUntil, curve.KeptFrom, exposure.Settled.AboveUnsafe, exposure.SettledFoodCelsius, followFood: true);
                exposure.Settled = exposure.Settled.Plus(settled);
                exposure.SettledUntil = curve.KeptFrom;
                exposure.SettledFoodCelsius = food;
            }

            var (recent, _) = curve.Integrate(exposure.SettledUntil, DateTimeOffset.MaxValue, exposure.Settled.AboveUnsafe, exposure.SettledFoodCelsius, followFood: judged);
            exposure.Total = exposure.Settled.Plus(recent);
        }
        else
        {
            exposure.Total = exposure.Settled;
        }

        // The unsafe rule does not judge other categories, so their food temperature is not followed.
        if (!judged)
        {
            exposure.Total = exposure.Total with { AboveUnsafe = TimeSpan.Zero, UnsafeFrom = null };
        }

        return exposure.Total;
    }

    /// <summary>The compartment an item is in: the first of its appliance's compartments of its kind of place.</summary>
    private static Compartment? CompartmentOf(HouseholdTwin twin, InventoryItem item) =>
        twin.FindAppliance(item.ApplianceId)?.Compartments.Find(c => c.Kind == item.Location);

    /// <param name="slots">The compartment's history; it must not change while the curve is in use.</param>
    /// <param name="options">The core's options.</param>
    /// <param name="rate">How fast life is used in the compartment; null where it is not (the pantry).</param>
    /// <param name="keptFrom">The compartment's <see cref="TemperatureHistory.KeptFrom"/>.</param>
    private sealed class Curve(List<TemperatureSlot> slots, CoreOptions options, SpoilageRate? rate, DateTimeOffset keptFrom)
    {
        /// <summary>The longest step the food's temperature is followed in; a gap's straight line is cut into such steps.</summary>
        private static readonly double FoodStepHours = TimeSpan.FromMinutes(5).TotalHours;

        private readonly Dictionary<Stretch, (TemperatureDose Dose, double? FoodCelsius)> _integrated = [];
        private bool _followFood;
        private double? _food;
        private double _lifeUsedHours;
        private double _warmHours;
        private double _aboveHours;
        private double _aboveBeforeHours;
        private DateTimeOffset? _unsafeFrom;
        private DateTimeOffset? _warmFrom;
        private DateTimeOffset? _warmUntil;
        private double? _peak;

        public DateTimeOffset KeptFrom => keptFrom;

        /// <summary>The dose of the curve between two moments; the same stretch asked again is answered from memory.</summary>
        /// <param name="from">Where to start.</param>
        /// <param name="to">Where to end; past the newest slot, the curve ends there.</param>
        /// <param name="aboveBefore">The time above the unsafe temperature earlier in the stay, to tell when the total passes the limit.</param>
        /// <param name="foodAtFrom">The food's estimated temperature at <paramref name="from"/>; null takes the air's.</param>
        /// <param name="followFood">Whether to follow the food's temperature; without, the dose has no time above the unsafe temperature.</param>
        /// <returns>The dose, and the food's estimated temperature where the curve or the stretch ends (null when not followed).</returns>
        public (TemperatureDose Dose, double? FoodCelsius) Integrate(DateTimeOffset from, DateTimeOffset to, TimeSpan aboveBefore, double? foodAtFrom, bool followFood)
        {
            var stretch = followFood ? new Stretch(from, to, aboveBefore, foodAtFrom, true) : new Stretch(from, to, TimeSpan.Zero, null, false);
            if (!_integrated.TryGetValue(stretch, out var integrated))
            {
                integrated = IntegrateOnce(stretch);
                _integrated.Add(stretch, integrated);
            }

            return integrated;
        }

        private (TemperatureDose Dose, double? FoodCelsius) IntegrateOnce(Stretch stretch)
        {
            var (from, to) = (stretch.From, stretch.To);
            var resolution = options.HistoryResolution;
            (_lifeUsedHours, _warmHours, _aboveHours, _aboveBeforeHours, _unsafeFrom, _peak, _food, _followFood) =
                (0, 0, 0, stretch.AboveBefore.TotalHours, null, null, stretch.FoodAtFrom, stretch.FollowFood);
            (_warmFrom, _warmUntil) = (null, null);

            // Slots ending before the stretch, or starting after it, add nothing.
            for (var i = FirstReaching(from); i < slots.Count && slots[i].At < to; i++)
            {
                var slot = slots[i];
                var slotEnd = slot.At + resolution;
                Segment(slot.At, slotEnd, slot, slot, from, to);
                if (i + 1 < slots.Count && slots[i + 1].At > slotEnd)
                {
                    Segment(slotEnd, slots[i + 1].At, slot, slots[i + 1], from, to);
                }
            }

            var dose = new TemperatureDose
            {
                LifeUsed = Hours(_lifeUsedHours),
                Warm = Hours(_warmHours),
                WarmFrom = _warmFrom,
                WarmUntil = _warmUntil,
                AboveUnsafe = Hours(_aboveHours),
                UnsafeFrom = _unsafeFrom,
                PeakCelsius = _peak,
            };
            return (dose, _food);
        }

        /// <summary>A straight stretch from one slot's temperatures to another's (the same slot for its own length).</summary>
        private void Segment(DateTimeOffset start, DateTimeOffset end, TemperatureSlot startSlot, TemperatureSlot endSlot, DateTimeOffset from, DateTimeOffset to)
        {
            var clippedStart = start > from ? start : from;
            var clippedEnd = end < to ? end : to;
            if (clippedEnd <= clippedStart)
            {
                return;
            }

            var (t0, t1) = Clip(startSlot.MaxCelsius, endSlot.MaxCelsius);
            var hours = (clippedEnd - clippedStart).TotalHours;
            _peak = Math.Max(_peak ?? double.MinValue, Math.Max(t0, t1));

            if (_followFood)
            {
                // Food in a lagging package follows the air's middle, not the peaks of a door opened for a minute.
                var (food0, food1) = options.UnsafeFoodLag > TimeSpan.Zero ? Clip(Middle(startSlot), Middle(endSlot)) : (t0, t1);
                FollowFood(clippedStart, food0, food1, hours);
            }

            if (rate is not null && Above(t0, t1, hours, rate.WarmAboveCelsius) is { } warm)
            {
                _warmHours += warm.Hours;
                _warmFrom ??= clippedStart + Hours(warm.StartsAfter);
                _warmUntil = clippedStart + Hours(warm.StartsAfter + warm.Hours);
                _lifeUsedHours += rate.ExtraHours(warm.From, warm.To, warm.Hours);
            }

            (double, double) Clip(double startCelsius, double endCelsius)
            {
                var slope = (endCelsius - startCelsius) / (end - start).TotalHours;
                return (startCelsius + (slope * (clippedStart - start).TotalHours), startCelsius + (slope * (clippedEnd - start).TotalHours));
            }
        }

        /// <summary>The index of the last slot starting at or before <paramref name="from"/> (its stretch may reach past it), or 0.</summary>
        private int FirstReaching(DateTimeOffset from)
        {
            var (low, high) = (0, slots.Count - 1);
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                if (slots[middle].At <= from)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return Math.Max(0, high);
        }

        private static double Middle(TemperatureSlot slot) => (slot.MinCelsius + slot.MaxCelsius) / 2;

        /// <summary>Follows the food's temperature along a straight stretch of air temperature, adding its time above the unsafe line.</summary>
        private void FollowFood(DateTimeOffset start, double air0, double air1, double hours)
        {
            var steps = Math.Max(1, (int)Math.Ceiling(hours / FoodStepHours));
            var step = hours / steps;
            var slope = (air1 - air0) / hours;
            for (var i = 0; i < steps; i++)
            {
                var air = air0 + (slope * step * i);
                // Without a lag the food is the air, which jumps from one slot's maximum to the next.
                var food0 = options.UnsafeFoodLag > TimeSpan.Zero ? _food ?? air : air;
                var food1 = FoodAfter(food0, air, slope, step);
                _food = food1;
                if (Above(food0, food1, step, options.UnsafeAboveCelsius) is not { } above)
                {
                    continue;
                }

                var limit = options.UnsafeAfter.TotalHours - _aboveBeforeHours;
                if (_unsafeFrom is null && _aboveHours <= limit && _aboveHours + above.Hours > limit)
                {
                    _unsafeFrom = start + Hours((step * i) + above.StartsAfter + limit - _aboveHours);
                }

                _aboveHours += above.Hours;
            }
        }

        /// <summary>
        /// The food's temperature after <paramref name="hours"/> of air rising from <paramref name="air"/> by
        /// <paramref name="slope"/> per hour: the exact solution of dF/dt = (A(t) − F) / τ for a straight A.
        /// </summary>
        private double FoodAfter(double food, double air, double slope, double hours)
        {
            var tau = options.UnsafeFoodLag.TotalHours;
            var airAfter = air + (slope * hours);
            return tau <= 0 ? airAfter : airAfter - (slope * tau) + ((food - air + (slope * tau)) * Math.Exp(-hours / tau));
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

    /// <summary>A stretch of the curve and what the food brought into it: what one integration depends on.</summary>
    private readonly record struct Stretch(DateTimeOffset From, DateTimeOffset To, TimeSpan AboveBefore, double? FoodAtFrom, bool FollowFood);
}
