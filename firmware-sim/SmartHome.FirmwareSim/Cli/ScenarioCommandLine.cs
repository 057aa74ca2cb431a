using System.ComponentModel.DataAnnotations;
using System.Globalization;
using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.FirmwareSim.Fleet;
using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>Reads <c>scenario &lt;name|path&gt; [options]</c>, in the same <c>--name value</c> / <c>--name=value</c> style.</summary>
internal static class ScenarioCommandLine
{
    public const string Name = "scenario";

    private static readonly string[] Options = ["--host", "--port", "--appliance", "--seed", "--speed", "--start"];

    public static CliCommand Parse(IReadOnlyList<string> args, ScenarioLibrary library)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(library);
        if (args.Any(CommandLine.IsHelp))
        {
            return new HelpCommand();
        }

        if (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            return new InvalidCommand("scenario needs a scenario name or the path of a .json file");
        }

        Scenario scenario;
        try
        {
            scenario = library.Find(args[0]);
        }
        catch (ScenarioException ex)
        {
            return new InvalidCommand(ex.Message);
        }

        var defaults = new FridgeSimulatorOptions();
        var command = new ScenarioCommand(scenario, new LinkAddress(defaults.Host, defaults.Port), null, scenario.Seed, ScenarioSpeed.RealTime, null);
        for (var i = 1; i < args.Count; i++)
        {
            if (CommandLine.ReadOption(args, ref i, Options, "scenario option", out var name, out var value) is { } invalid)
            {
                return invalid;
            }

            (ScenarioCommand? Command, string Expected) parsed = name switch
            {
                "--host" => (value.Length > 0 ? command with { Link = command.Link with { Host = value } } : null, "a host name or address"),
                "--port" => (CommandLine.IsPort(value) ? command with { Link = command.Link with { Port = int.Parse(value, CultureInfo.InvariantCulture) } } : null,
                    "a port number from 1 to 65535"),
                "--appliance" => (IsApplianceId(value) ? command with { ApplianceId = value } : null, "an appliance id of 1-64 letters, digits, '.', '_' or '-'"),
                "--seed" => (int.TryParse(value, CultureInfo.InvariantCulture, out var seed) ? command with { Seed = seed } : null, "a whole number"),
                "--speed" => (ScenarioSpeed.TryParse(value, out var speed) ? command with { Speed = speed } : null,
                    $"'max' or simulated seconds per second, more than 0 and at most {ScenarioSpeed.MaxFactor:0}"),
                _ => (TryParseStart(value, out var start) ? command with { Start = start } : null, "an ISO time in whole seconds such as 2026-11-16T08:00:00Z"),
            };

            if (parsed.Command is null)
            {
                return CommandLine.Invalid(name, parsed.Expected, value);
            }

            command = parsed.Command;
        }

        return command;
    }

    private static bool IsApplianceId(string value)
    {
        var options = new FridgeSimulatorOptions();
        return Validator.TryValidateProperty(value, new ValidationContext(options) { MemberName = nameof(FridgeSimulatorOptions.ApplianceId) }, null);
    }

    private static bool TryParseStart(string value, out DateTimeOffset start) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start) && start.Ticks % TimeSpan.TicksPerSecond == 0;
}
