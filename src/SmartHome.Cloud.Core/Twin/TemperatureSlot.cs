namespace SmartHome.Cloud.Core.Twin;

/// <summary>
/// The readings of one history slot (e.g. five minutes), kept as their range: the maximum is what temperature
/// abuse is judged on, and min/max merge in any order, so late records fold in exactly.
/// </summary>
public sealed class TemperatureSlot
{
    /// <summary>Start of the slot.</summary>
    public required DateTimeOffset At { get; init; }

    public required double MinCelsius { get; set; }
    public required double MaxCelsius { get; set; }
}
