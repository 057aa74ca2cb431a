using System.Security.Cryptography;

namespace SmartHome.Gateway.Mqtt;

/// <summary>
/// Exponential backoff with full jitter: the n-th delay is uniform in [0, min(cap, initial * 2^n)], so that a fleet
/// of gateways coming back after a broker outage spreads out instead of reconnecting in waves.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan cap, Func<double>? unitRandom = null)
{
    private const int MaxExponent = 30;
    private readonly Func<double> _unitRandom = unitRandom ?? CryptoUnitRandom;
    private int _attempt;

    public TimeSpan Next()
    {
        var ceiling = TimeSpan.FromTicks(Math.Min(cap.Ticks, initial.Ticks * (1L << Math.Min(_attempt, MaxExponent))));
        _attempt++;
        return ceiling * _unitRandom();
    }

    public void Reset() => _attempt = 0;

    /// <summary>The wait before the very first attempt: uniform in [0, <paramref name="jitter"/>].</summary>
    public TimeSpan BootDelay(TimeSpan jitter) => jitter * _unitRandom();

    private static double CryptoUnitRandom() => RandomNumberGenerator.GetInt32(int.MaxValue) / (double)int.MaxValue;
}
