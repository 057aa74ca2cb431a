using System.Text.Json.Serialization;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.Views;

/// <summary>Each compartment's temperature now, its history slots within a window ending now, and the household's safe band for it.</summary>
public sealed record TemperaturesView(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<CompartmentView> Compartments)
{
    public static TemperaturesView Of(HouseholdTwin twin, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(twin);
        var from = now - window;
        var compartments = twin.Appliances
            .SelectMany(appliance => appliance.Compartments.Select(compartment =>
            {
                var safe = twin.Settings.SafeRanges.For(compartment.Kind);
                return new CompartmentView
                {
                    ApplianceId = appliance.ApplianceId,
                    Sensor = compartment.Sensor,
                    Kind = compartment.Kind,
                    Celsius = compartment.Celsius,
                    At = compartment.At,
                    SafeMinCelsius = safe.MinCelsius,
                    SafeMaxCelsius = safe.MaxCelsius,
                    Excursion = compartment.Excursion is not null,
                    Slots = [.. compartment.History.Where(s => s.At >= from && s.At <= now)],
                };
            }))
            .ToList();
        return new(from, now, compartments);
    }
}

public sealed record CompartmentView
{
    public required string ApplianceId { get; init; }
    public required string Sensor { get; init; }
    public StorageLocation Kind { get; init; }

    /// <summary>The newest reading and when it was taken; null before the first.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Celsius { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? At { get; init; }

    public double SafeMinCelsius { get; init; }
    public double SafeMaxCelsius { get; init; }

    /// <summary>Whether the compartment is outside its safe range now.</summary>
    public bool Excursion { get; init; }

    /// <summary>The history's slots (start, minimum, maximum) within the window, oldest first.</summary>
    public required IReadOnlyList<TemperatureSlot> Slots { get; init; }
}
