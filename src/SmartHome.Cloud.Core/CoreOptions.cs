using System.ComponentModel.DataAnnotations;

namespace SmartHome.Cloud.Core;

/// <summary>Tuning of the routing core that is the same for every household (household choices live in the twin).</summary>
public sealed class CoreOptions
{
    /// <summary>How far back a compartment's temperature history reaches, measured from its newest reading.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00", ErrorMessage = "SmartHome:Cloud:Core:HistoryRetention must be between 00:10:00 and 30.00:00:00")]
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromHours(48);

    /// <summary>History keeps one slot (min and max) per this much time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "SmartHome:Cloud:Core:HistoryResolution must be between 00:00:01 and 01:00:00")]
    public TimeSpan HistoryResolution { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An excursion ends only once a reading is this far back inside the safe range, so a sensor hovering at the limit makes one episode, not many.</summary>
    [Range(0.0, 10.0, ErrorMessage = "SmartHome:Cloud:Core:ExcursionHysteresisCelsius must be between 0 and 10")]
    public double ExcursionHysteresisCelsius { get; set; } = 1;

    /// <summary>How long readings must stay outside the range before it is reported, so one spike (an open door) does not.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "SmartHome:Cloud:Core:ExcursionReportAfter must be between 00:00:00 and 1.00:00:00")]
    public TimeSpan ExcursionReportAfter { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "SmartHome:Cloud:Core:DoorLeftOpenAfter must be between 00:00:10 and 1.00:00:00")]
    public TimeSpan DoorLeftOpenAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a gateway or appliance must stay offline before it is reported, so a quick reconnect raises nothing.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "SmartHome:Cloud:Core:OfflineReportAfter must be between 00:00:00 and 01:00:00")]
    public TimeSpan OfflineReportAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A door closed for less than this and opened again is a bouncing switch, not a new opening.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "SmartHome:Cloud:Core:DoorBounceWindow must be between 00:00:00 and 00:01:00")]
    public TimeSpan DoorBounceWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after a household week ends its diet summary is raised, so records arriving late from an outbox still count.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "2.00:00:00", ErrorMessage = "SmartHome:Cloud:Core:WeeklySummaryDelay must be between 00:00:00 and 2.00:00:00")]
    public TimeSpan WeeklySummaryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Records stamped further ahead of the cloud clock than this are taken as received now, so a gateway with a wrong clock cannot block newer state.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "SmartHome:Cloud:Core:MaxClockSkew must be between 00:00:00 and 1.00:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A perishable item whose estimated temperature (see <see cref="UnsafeFoodLag"/>) stays above this for longer than
    /// <see cref="UnsafeAfter"/> in total is unsafe. USDA's line is 40 °F (4.4 °C); the default is the top of the
    /// fridge's safe range, since the air of a fridge set to 4 °C cycles up to 5 °C in normal running.
    /// </summary>
    [Range(-5.0, 15.0, ErrorMessage = "SmartHome:Cloud:Core:UnsafeAboveCelsius must be between -5 and 15")]
    public double UnsafeAboveCelsius { get; set; } = 5;

    /// <summary>
    /// How slowly food follows the air it sits in (the time constant of a first-order lag; a litre of milk takes hours):
    /// the unsafe rule judges the food's estimated temperature, so an open door's minutes of warm air do not count as
    /// food in the danger zone. Zero judges the air itself.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "06:00:00", ErrorMessage = "SmartHome:Cloud:Core:UnsafeFoodLag must be between 00:00:00 and 06:00:00")]
    public TimeSpan UnsafeFoodLag { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long in total a perishable item may spend above <see cref="UnsafeAboveCelsius"/> (USDA: 2 hours).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "1.00:00:00", ErrorMessage = "SmartHome:Cloud:Core:UnsafeAfter must be between 00:10:00 and 1.00:00:00")]
    public TimeSpan UnsafeAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a gap in a gateway's envelope seqs may stay open (a replayed backlog still arriving) before it is counted as overdue.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "SmartHome:Cloud:Core:GapReportAfter must be between 00:00:01 and 7.00:00:00")]
    public TimeSpan GapReportAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many gone items the twin remembers (to ignore late records about them).</summary>
    [Range(0, 100_000, ErrorMessage = "SmartHome:Cloud:Core:RecentlyGoneLimit must be between 0 and 100000")]
    public int RecentlyGoneLimit { get; set; } = 200;
}
