namespace SmartHome.Cloud.Core.Twin;

/// <summary>What a stretch of temperature history did to an item: sums over time, so a stretch adds to the one before it.</summary>
public sealed record TemperatureDose
{
    public static TemperatureDose None { get; } = new();

    /// <summary>Life used up beyond the nominal rate its shelf-life figure assumes (see docs/shelf-life.md).</summary>
    public TimeSpan LifeUsed { get; init; }

    /// <summary>How long the compartment was warm enough to use up life faster than nominal.</summary>
    public TimeSpan Warm { get; init; }

    /// <summary>When the stretch was first and last warm (see <see cref="Warm"/>); null when it never was.</summary>
    public DateTimeOffset? WarmFrom { get; init; }

    public DateTimeOffset? WarmUntil { get; init; }

    /// <summary>How long it was above <see cref="CoreOptions.UnsafeAboveCelsius"/>.</summary>
    public TimeSpan AboveUnsafe { get; init; }

    /// <summary>When the time above the unsafe temperature, counted from the stay's start, passed <see cref="CoreOptions.UnsafeAfter"/>.</summary>
    public DateTimeOffset? UnsafeFrom { get; init; }

    /// <summary>The warmest temperature in the stretch; null when it holds no readings.</summary>
    public double? PeakCelsius { get; init; }

    /// <summary>This stretch followed by <paramref name="other"/>, which was integrated knowing this one's time above.</summary>
    public TemperatureDose Plus(TemperatureDose other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new()
        {
            LifeUsed = LifeUsed + other.LifeUsed,
            Warm = Warm + other.Warm,
            WarmFrom = WarmFrom ?? other.WarmFrom,
            WarmUntil = other.WarmUntil ?? WarmUntil,
            AboveUnsafe = AboveUnsafe + other.AboveUnsafe,
            UnsafeFrom = UnsafeFrom ?? other.UnsafeFrom,
            PeakCelsius = PeakCelsius is { } peak && other.PeakCelsius is { } otherPeak ? Math.Max(peak, otherPeak) : PeakCelsius ?? other.PeakCelsius,
        };
    }
}
