using Microsoft.Extensions.Options;
using SmartHome.Gateway.Options;

namespace SmartHome.Gateway.Clock;

/// <summary>
/// Whether the gateway's wall clock can be trusted yet, and by how much to correct what was stamped before it could.
/// At start it keeps the (wall, monotonic) pair; when the probe first reports the clock synchronised, the difference
/// between the wall clock and the boot's wall time advanced by the monotonic clock is the step NTP made: the
/// correction for every time stamped in this boot before then. Once synchronised it stays so for the boot.
/// </summary>
internal sealed class GatewayClock
{
    private readonly IClockSyncProbe _probe;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DateTimeOffset _bootWall;
    private readonly long _boot;
    private readonly Lock _gate = new();
    private TimeSpan? _correction;

    public GatewayClock(IClockSyncProbe probe, IOptions<GatewayOptions> options, TimeProvider time, ILogger<GatewayClock> logger)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _probe = probe;
        _time = time;
        _logger = logger;
        _bootWall = time.GetUtcNow();
        _boot = time.GetTimestamp();
        if (options.Value.Clock.AssumeSynced || probe.IsSynchronized())
        {
            _correction = TimeSpan.Zero;
        }
        else
        {
            Log.NotSynchronized(logger, _bootWall, GatewayConfigKeys.ClockAssumeSynced);
        }
    }

    /// <summary>The step to add to the times stamped in this boot while unsynchronised; null until the clock is synchronised.</summary>
    public TimeSpan? Correction
    {
        get
        {
            IsSynchronized();
            lock (_gate)
            {
                return _correction;
            }
        }
    }

    /// <summary>Whether times stamped now are right; asks the probe until it first says so.</summary>
    public bool IsSynchronized()
    {
        lock (_gate)
        {
            if (_correction is not null)
            {
                return true;
            }

            if (!_probe.IsSynchronized())
            {
                return false;
            }

            var sinceBoot = _time.GetElapsedTime(_boot);
            var correction = _time.GetUtcNow() - (_bootWall + sinceBoot);
            _correction = correction;
            Log.Synchronized(_logger, sinceBoot, correction);
            return true;
        }
    }
}
