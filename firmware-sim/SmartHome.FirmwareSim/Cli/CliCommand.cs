using SmartHome.FirmwareSim.Fleet;

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

internal sealed record HelpCommand : CliCommand;

internal sealed record InvalidCommand(string Error) : CliCommand;
