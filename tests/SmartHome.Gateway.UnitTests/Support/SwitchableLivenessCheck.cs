using SmartHome.Gateway.Systemd;

namespace SmartHome.Gateway.UnitTests.Support;

/// <summary>A liveness check the test turns to stuck and back, counting how often the watchdog asked.</summary>
internal sealed class SwitchableLivenessCheck : ILivenessCheck
{
    private int _calls;

    public volatile string? Problem;

    public int Calls => Volatile.Read(ref _calls);

    public string? FindProblem()
    {
        Interlocked.Increment(ref _calls);
        return Problem;
    }
}
