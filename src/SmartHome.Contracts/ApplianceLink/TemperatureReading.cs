namespace SmartHome.Contracts.ApplianceLink;

/// <summary><c>appliance/{id}/temperature</c>: one compartment sensor's reading.</summary>
public sealed record TemperatureReading
{
    public required string Sensor { get; init; }
    public required double Celsius { get; init; }
    public DateTimeOffset? At { get; init; }
}
