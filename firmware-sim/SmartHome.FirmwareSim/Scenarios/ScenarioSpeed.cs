using System.Globalization;

namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>How fast simulated time runs: so many simulated seconds per real second, or as fast as the link takes (<c>max</c>).</summary>
public readonly record struct ScenarioSpeed
{
    public const string MaxText = "max";
    public const double MaxFactor = 1e7;

    private ScenarioSpeed(double? simulatedSecondsPerSecond) => SimulatedSecondsPerSecond = simulatedSecondsPerSecond;

    public static ScenarioSpeed RealTime { get; } = new(1);

    public static ScenarioSpeed Max { get; } = new(null);

    /// <summary>Null for <see cref="Max"/>.</summary>
    public double? SimulatedSecondsPerSecond { get; }

    public bool IsMax => SimulatedSecondsPerSecond is null;

    /// <summary>Faster than real time: simulated time would run ahead of the wall clock from the same start.</summary>
    public bool IsCompressed => SimulatedSecondsPerSecond is not { } factor || factor > 1;

    public static ScenarioSpeed Of(double simulatedSecondsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(simulatedSecondsPerSecond);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(simulatedSecondsPerSecond, MaxFactor);
        return new(simulatedSecondsPerSecond);
    }

    /// <summary>Reads <c>max</c> or a number of simulated seconds per real second, more than 0 and at most <see cref="MaxFactor"/>.</summary>
    public static bool TryParse(string text, out ScenarioSpeed speed)
    {
        speed = Max;
        if (string.Equals(text, MaxText, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var factor) && factor is > 0 and <= MaxFactor)
        {
            speed = new(factor);
            return true;
        }

        return false;
    }

    public override string ToString() => SimulatedSecondsPerSecond is { } factor ? string.Create(CultureInfo.InvariantCulture, $"{factor:0.###}×") : MaxText;
}
