namespace SmartHome.Gateway.Outbox;

/// <summary>
/// What the outbox's bounds took away, in readings: <see cref="TemperatureRolledUp"/> readings were folded into
/// rollups (their values live on as min/mean/max), the others are gone (a dropped rollup counts its samples).
/// </summary>
internal readonly record struct EvictionCounts(long TemperatureRolledUp, long TemperatureDropped, long OtherDropped, long AgeExpired)
{
    public EvictionCounts Add(EvictionCounts other) => new(
        TemperatureRolledUp + other.TemperatureRolledUp,
        TemperatureDropped + other.TemperatureDropped,
        OtherDropped + other.OtherDropped,
        AgeExpired + other.AgeExpired);
}
