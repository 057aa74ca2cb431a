using Microsoft.Extensions.Logging.Abstractions;
using SmartHome.Gateway.Clock;
using SmartHome.Gateway.Options;

namespace SmartHome.Gateway.UnitTests.Support;

/// <summary>A clock-sync probe the test sets.</summary>
internal sealed class FakeClockSyncProbe(bool synchronized = true) : IClockSyncProbe
{
    public bool Synchronized { get; set; } = synchronized;

    public bool IsSynchronized() => Synchronized;

    /// <summary>A gateway clock asking <paramref name="probe"/> (a synchronised one when null).</summary>
    public static GatewayClock Clock(TimeProvider time, IClockSyncProbe? probe = null, bool assumeSynced = false) =>
        new(
            probe ?? new FakeClockSyncProbe(),
            Microsoft.Extensions.Options.Options.Create(new GatewayOptions { Clock = new() { AssumeSynced = assumeSynced } }),
            time,
            NullLogger<GatewayClock>.Instance);
}
