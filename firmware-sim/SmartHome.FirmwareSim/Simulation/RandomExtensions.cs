namespace SmartHome.FirmwareSim.Simulation;

/// <summary>The few distributions the simulation draws from, all from one seeded <see cref="Random"/>.</summary>
internal static class RandomExtensions
{
    public static double NextBetween(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    /// <summary>Whole milliseconds, so timestamps print without a long tail of digits.</summary>
    public static TimeSpan NextBetween(this Random random, TimeSpan min, TimeSpan max) =>
        TimeSpan.FromMilliseconds(Math.Round(random.NextBetween(min.TotalMilliseconds, max.TotalMilliseconds)));

    public static bool NextChance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>A normally distributed value with mean 0 (Box–Muller).</summary>
    public static double NextGaussian(this Random random, double standardDeviation)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>The wait until the next of many independent events (a door opening, say) that happen <paramref name="mean"/> apart on average.</summary>
    public static TimeSpan NextExponential(this Random random, TimeSpan mean) =>
        TimeSpan.FromMilliseconds(Math.Round(-Math.Log(1.0 - random.NextDouble()) * mean.TotalMilliseconds));
}
