namespace SmartHome.Gateway.Clock;

/// <summary>Tells whether the system's wall clock is synchronised (by NTP); a Raspberry Pi has no real-time clock.</summary>
internal interface IClockSyncProbe
{
    bool IsSynchronized();
}
