namespace SmartHome.Contracts.Events;

/// <summary>The <c>data</c> of <c>shg.appliance.temperature-excursion.v1</c>.</summary>
public sealed record TemperatureExcursionData
{
    public required string Appliance { get; init; }
    public required string Compartment { get; init; }
    public required double Celsius { get; init; }
    public required double SafeMinCelsius { get; init; }
    public required double SafeMaxCelsius { get; init; }
    public required DateTimeOffset Since { get; init; }
}
