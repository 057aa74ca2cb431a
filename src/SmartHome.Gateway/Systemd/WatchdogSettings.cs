using System.Globalization;

namespace SmartHome.Gateway.Systemd;

/// <summary>The watchdog systemd asked for (<c>WatchdogSec=</c> in the unit), read as sd_watchdog_enabled(3) reads it.</summary>
internal sealed record WatchdogSettings(TimeSpan PingInterval)
{
    public const string TimeoutVariable = "WATCHDOG_USEC";
    public const string ProcessVariable = "WATCHDOG_PID";

    public static WatchdogSettings? FromEnvironment() => Read(
        Environment.GetEnvironmentVariable(TimeoutVariable), Environment.GetEnvironmentVariable(ProcessVariable), Environment.ProcessId);

    /// <summary>
    /// Pings every half of the timeout, as systemd recommends; null when there is no valid timeout, or when it was
    /// meant for another process (a <c>WATCHDOG_PID</c> that is not <paramref name="processId"/>).
    /// </summary>
    public static WatchdogSettings? Read(string? timeoutMicroseconds, string? watchdogProcessId, int processId)
    {
        if (!long.TryParse(timeoutMicroseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var timeout)
            || timeout <= 0
            || timeout > TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMicrosecond)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(watchdogProcessId)
            && (!int.TryParse(watchdogProcessId, NumberStyles.None, CultureInfo.InvariantCulture, out var owner) || owner != processId))
        {
            return null;
        }

        return new(TimeSpan.FromMicroseconds(timeout / 2));
    }
}
