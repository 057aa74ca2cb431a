using SmartHome.FirmwareSim.Fleet;
using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>What the command line asks for.</summary>
internal abstract record CliCommand;

/// <summary>Run the simulator with these configuration settings (keys under <c>SmartHome:FirmwareSim</c>).</summary>
/// <param name="Settings">Configuration keys and values taken from the options.</param>
/// <param name="HostArguments">Arguments left for the host's own configuration (<c>--SmartHome:X:Y=v</c>).</param>
/// <param name="Duration">Stop after this long; null runs until Ctrl+C.</param>
internal sealed record RunCommand(IReadOnlyDictionary<string, string?> Settings, string[] HostArguments, TimeSpan? Duration) : CliCommand;

/// <summary>Run a fleet of simulated appliances (<c>fleet</c>).</summary>
/// <param name="Plan">What to simulate and how fast.</param>
/// <param name="Duration">Stop after this long; null runs until the message limit or Ctrl+C.</param>
internal sealed record FleetCommand(FleetPlan Plan, TimeSpan? Duration) : CliCommand;

/// <summary>Play a scenario file (<c>scenario</c>).</summary>
/// <param name="Scenario">The scenario, loaded and checked.</param>
/// <param name="Link">The appliance link to publish to.</param>
/// <param name="ApplianceId">The appliance id in the topics; null takes the scenario's, or the simulator's default.</param>
/// <param name="Seed">The scenario's seed unless <c>--seed</c> gave another.</param>
/// <param name="Speed">How fast simulated time runs.</param>
/// <param name="Start">Where simulated time starts; null for <see cref="ScenarioClock.DefaultStart"/>.</param>
internal sealed record ScenarioCommand(Scenario Scenario, LinkAddress Link, string? ApplianceId, int Seed, ScenarioSpeed Speed, DateTimeOffset? Start) : CliCommand;

internal sealed record HelpCommand : CliCommand;

internal sealed record InvalidCommand(string Error) : CliCommand;
