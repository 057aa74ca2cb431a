using SmartHome.FirmwareSim.Appliances;
using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>
/// Plays a scenario without a clock or a network: the fridge-freezer it describes, from <see cref="Start"/> to
/// <see cref="End"/>, as the steps a runner carries out in order. The same scenario, seed and start give the same steps.
/// </summary>
public sealed class ScenarioEngine
{
    // The simulator is advanced an hour at a time, so a long scenario streams rather than piling up in memory.
    private static readonly TimeSpan Chunk = TimeSpan.FromHours(1);

    private readonly FridgeSimulatorOptions _options;

    /// <exception cref="ScenarioException">The scenario has something this engine cannot play.</exception>
    public ScenarioEngine(Scenario scenario, int seed, DateTimeOffset start, string? applianceId = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Household is not null)
        {
            throw ScenarioException.At(scenario.Source, "household", "household profiles cannot be played yet");
        }

        if (scenario.Timeline.Count > 0)
        {
            var first = scenario.Timeline.MinBy(e => e.Index)!;
            throw ScenarioException.At(scenario.Source, $"timeline[{first.Index}].event", $"{first.Name} cannot be played yet");
        }

        Scenario = scenario;
        _options = new FridgeSimulatorOptions { Seed = seed, ApplianceId = applianceId ?? scenario.ApplianceId ?? new FridgeSimulatorOptions().ApplianceId };
        scenario.Fridge.ApplyTo(_options);
        Start = ScenarioClock.WholeSeconds(start);
    }

    public Scenario Scenario { get; }

    public string ApplianceId => _options.ApplianceId;

    public DateTimeOffset Start { get; }

    public DateTimeOffset End => Start + Scenario.Duration;

    /// <summary>The retained status message; the offline one doubles as the MQTT last will.</summary>
    public SimulatedMessage Status(OnlineState state) => ApplianceMessages.Status(_options.ApplianceId, state, _options.Firmware, Start);

    /// <summary>Every step from <see cref="Start"/> up to <see cref="End"/>, oldest first; each enumeration plays the scenario afresh.</summary>
    public IEnumerable<ScenarioStep> Play()
    {
        var fridge = new FridgeSimulator(_options, Start);
        for (var until = Start; until < End;)
        {
            until = until + Chunk < End ? until + Chunk : End;
            foreach (var message in fridge.Advance(until))
            {
                yield return new MessageStep(message);
            }
        }
    }
}
