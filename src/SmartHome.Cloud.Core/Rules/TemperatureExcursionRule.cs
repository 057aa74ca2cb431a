using System.Globalization;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Cloud.Core.Rules;

/// <summary>
/// <c>shg.appliance.temperature-excursion.v1</c>, with hysteresis on both ends. An episode starts at the first good
/// reading outside the compartment's safe range and is reported once it has stayed outside for
/// <see cref="CoreOptions.ExcursionReportAfter"/> (seen by a later reading, or by the clock when readings are sparse).
/// It ends only when a reading is <see cref="CoreOptions.ExcursionHysteresisCelsius"/> back inside the range, so a
/// sensor flapping around the limit makes one episode and one event; a short spike ends without any.
/// Suspect readings neither start, confirm nor end an episode.
/// </summary>
internal sealed class TemperatureExcursionRule : INeedRule
{
    public void OnChange(RuleContext context, TwinChange change)
    {
        if (change is not TemperatureUpdated { Quality: RecordQuality.Good } reading)
        {
            return;
        }

        var compartment = reading.Compartment;
        var range = context.Twin.Settings.SafeRanges.For(compartment.Kind);
        if (compartment.Excursion is { } episode && IsClearlyBack(episode, reading.Celsius, range, context.Options))
        {
            compartment.Excursion = null;
        }

        if (compartment.Excursion is null)
        {
            compartment.Excursion = DirectionOutside(reading.Celsius, range) is { } direction
                ? new ExcursionEpisode { Direction = direction, Since = reading.At, PeakCelsius = reading.Celsius }
                : null;
            return;
        }

        var current = compartment.Excursion;
        if (DirectionOutside(reading.Celsius, range) == current.Direction)
        {
            current.PeakCelsius = current.Direction == ExcursionDirection.TooWarm
                ? Math.Max(current.PeakCelsius, reading.Celsius)
                : Math.Min(current.PeakCelsius, reading.Celsius);
            ReportIfLongEnough(context, reading.Appliance, compartment, current, reading.Celsius, reading.At);
        }
    }

    public void Evaluate(RuleContext context, DateTimeOffset now)
    {
        foreach (var appliance in context.Twin.Appliances)
        {
            foreach (var compartment in appliance.Compartments)
            {
                var range = context.Twin.Settings.SafeRanges.For(compartment.Kind);
                if (compartment is { Excursion: { } episode, Celsius: { } latest }
                    && DirectionOutside(latest, range) == episode.Direction)
                {
                    ReportIfLongEnough(context, appliance, compartment, episode, latest, now);
                }
            }
        }
    }

    private static void ReportIfLongEnough(
        RuleContext context, Appliance appliance, Compartment compartment, ExcursionEpisode episode, double celsius, DateTimeOffset at)
    {
        if (episode.ReportedAt is not null || at - episode.Since < context.Options.ExcursionReportAfter)
        {
            return;
        }

        episode.ReportedAt = at;
        var range = context.Twin.Settings.SafeRanges.For(compartment.Kind);
        context.Raise(
            NeedEventTypes.TemperatureExcursion,
            Subjects.Compartment(appliance.ApplianceId, compartment.Sensor),
            episode.Since.UtcTicks.ToString(CultureInfo.InvariantCulture),
            episode.Since,
            new TemperatureExcursionData
            {
                Appliance = appliance.ApplianceId,
                Compartment = compartment.Sensor,
                Celsius = celsius,
                SafeMinCelsius = range.MinCelsius,
                SafeMaxCelsius = range.MaxCelsius,
                Since = episode.Since,
            },
            ContractsJsonContext.Default.TemperatureExcursionData);
    }

    private static ExcursionDirection? DirectionOutside(double celsius, SafeRange range) =>
        celsius > range.MaxCelsius ? ExcursionDirection.TooWarm
        : celsius < range.MinCelsius ? ExcursionDirection.TooCold
        : null;

    private static bool IsClearlyBack(ExcursionEpisode episode, double celsius, SafeRange range, CoreOptions options) =>
        episode.Direction == ExcursionDirection.TooWarm
            ? celsius <= range.MaxCelsius - options.ExcursionHysteresisCelsius
            : celsius >= range.MinCelsius + options.ExcursionHysteresisCelsius;
}
