using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.Twin;

/// <summary>One temperature sensor of an appliance and the space it watches.</summary>
public sealed class Compartment
{
    /// <summary>The sensor's name from the records, e.g. <c>fridge</c> or <c>freezer</c>.</summary>
    public required string Sensor { get; init; }

    /// <summary>Which safe range applies: a sensor named like a freezer or pantry is one, anything else a fridge.</summary>
    public required StorageLocation Kind { get; init; }

    /// <summary>The newest reading (by event time) and when it was taken.</summary>
    public double? Celsius { get; set; }

    public DateTimeOffset? At { get; set; }

    /// <summary>Downsampled readings, oldest first, bounded in age (see <see cref="CoreOptions.HistoryRetention"/>).</summary>
    public List<TemperatureSlot> History { get; set; } = [];

    /// <summary>The excursion in progress, if the readings are outside the safe range.</summary>
    public ExcursionEpisode? Excursion { get; set; }

    public string? LastFault { get; set; }
    public DateTimeOffset? LastFaultAt { get; set; }
}
