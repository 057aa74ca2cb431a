namespace SmartHome.Cloud.Core.Twin;

/// <summary>What the household chose; the defaults suit a typical kitchen.</summary>
public sealed class HouseholdSettings
{
    public const int DefaultWarningWindowDays = 2;

    /// <summary>An item is "expiring" when its best-before is at most this many days away.</summary>
    public int WarningWindowDays { get; set; } = DefaultWarningWindowDays;

    /// <summary>
    /// IANA time zone the household lives in: best-before dates turn over at its midnight and notifications
    /// show its clock. Unknown ids fall back to UTC.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    public static readonly TimeOnly DefaultExpiringDigestAt = new(8, 0);

    /// <summary>The local time of day the householder's daily digest of expiring food is sent.</summary>
    public TimeOnly ExpiringDigestAt { get; set; } = DefaultExpiringDigestAt;

    public SafeRanges SafeRanges { get; set; } = new();

    /// <summary>What the household wants to keep in stock; falling below one raises <c>shg.stock.low.v1</c>.</summary>
    public List<MinimumStock> MinimumStock { get; set; } = [];

    /// <summary>Quiet hours, per-type delivery and repeats of the householder's notifications.</summary>
    public NotificationSettings Notifications { get; set; } = new();

    public TimeZoneInfo ResolveTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
