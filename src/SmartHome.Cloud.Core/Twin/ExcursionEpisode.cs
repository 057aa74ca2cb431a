using System.Text.Json.Serialization;

namespace SmartHome.Cloud.Core.Twin;

/// <summary>A compartment outside its safe range, from the first reading out until one is clearly back in.</summary>
public sealed class ExcursionEpisode
{
    public required ExcursionDirection Direction { get; init; }

    /// <summary>Event time of the first reading outside the range.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>The furthest reading from the range so far.</summary>
    public required double PeakCelsius { get; set; }

    /// <summary>Set once the excursion lasted long enough to be reported; an episode is reported once.</summary>
    public DateTimeOffset? ReportedAt { get; set; }
}

public enum ExcursionDirection
{
    [JsonStringEnumMemberName("tooWarm")] TooWarm,
    [JsonStringEnumMemberName("tooCold")] TooCold,
}
