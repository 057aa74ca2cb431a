using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.Twin;

public sealed class Door
{
    public required string Name { get; init; }
    public required DoorState State { get; set; }

    /// <summary>Event time the door entered its current state.</summary>
    public required DateTimeOffset Since { get; set; }

    /// <summary>Event time of the newest door record, so an older one cannot overwrite it.</summary>
    public required DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// When the latest opening began, kept while the door is closed: a closing shorter than
    /// <see cref="CoreOptions.DoorBounceWindow"/> is a bouncing switch, and the opening goes on from here.
    /// </summary>
    public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>The <see cref="Since"/> of the opening already reported as left open.</summary>
    public DateTimeOffset? LeftOpenReportedFor { get; set; }
}
