namespace SmartHome.Cloud.Core;

/// <summary>Tuning of the routing core that is the same for every household (household choices live in the twin).</summary>
public sealed class CoreOptions
{
    /// <summary>How far back a compartment's temperature history reaches, measured from its newest reading.</summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromHours(48);

    /// <summary>History keeps one slot (min and max) per this much time.</summary>
    public TimeSpan HistoryResolution { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An excursion ends only once a reading is this far back inside the safe range, so a sensor hovering at the limit makes one episode, not many.</summary>
    public double ExcursionHysteresisCelsius { get; set; } = 1;

    /// <summary>How long readings must stay outside the range before it is reported, so one spike (an open door) does not.</summary>
    public TimeSpan ExcursionReportAfter { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan DoorLeftOpenAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Records stamped further ahead of the cloud clock than this are taken as received now, so a gateway with a wrong clock cannot block newer state.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many gone items the twin remembers (to ignore late records about them).</summary>
    public int RecentlyGoneLimit { get; set; } = 200;
}
