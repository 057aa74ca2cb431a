using SmartHome.FirmwareSim.Household;

namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>A scenario as its file describes it (<c>firmware-sim/scenarios/{name}.json</c>): one fridge-freezer, a seed, a span of simulated time and what happens in it.</summary>
/// <param name="Name">The name people run it by.</param>
/// <param name="Description">One line, for <c>--help</c>.</param>
/// <param name="Seed">The seed the household and the sensor noise draw from; <c>--seed</c> overrides it.</param>
/// <param name="Duration">How much simulated time the scenario covers.</param>
/// <param name="ApplianceId">The appliance id in the topics; null leaves the simulator's default.</param>
/// <param name="Fridge">Settings of the simulated fridge that differ from the defaults.</param>
/// <param name="Household">Who lives with the fridge: the file's <c>household</c> object, or the default profile.</param>
/// <param name="Timeline">What happens when, in time order.</param>
/// <param name="Source">The file it came from, for error messages.</param>
public sealed record Scenario(
    string Name,
    string Description,
    int Seed,
    TimeSpan Duration,
    string? ApplianceId,
    ScenarioFridge Fridge,
    HouseholdProfile Household,
    IReadOnlyList<ScenarioEvent> Timeline,
    string Source);
