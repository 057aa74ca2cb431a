using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.Twin;

public sealed class Appliance
{
    public required string ApplianceId { get; init; }

    /// <summary>The gateway it last spoke through.</summary>
    public required string GatewayId { get; set; }

    /// <summary>From the appliance's status records; null until the first one.</summary>
    public OnlineState? State { get; set; }

    public DateTimeOffset? StateSince { get; set; }

    /// <summary>Event time of the newest status record, so an older one cannot overwrite it.</summary>
    public DateTimeOffset? StatusAt { get; set; }

    public string? Firmware { get; set; }

    /// <summary>The <see cref="StateSince"/> of the outage already reported as offline.</summary>
    public DateTimeOffset? OfflineReportedFor { get; set; }

    /// <summary>Event time of the newest record from it.</summary>
    public DateTimeOffset? LastRecordAt { get; set; }

    public List<Compartment> Compartments { get; set; } = [];
    public List<Door> Doors { get; set; } = [];

    public Compartment? FindCompartment(string sensor) => Compartments.Find(c => c.Sensor == sensor);

    public Door? FindDoor(string door) => Doors.Find(d => d.Name == door);
}
