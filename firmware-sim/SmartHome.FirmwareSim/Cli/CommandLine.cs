using System.Globalization;
using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>Turns the command line into a <see cref="CliCommand"/>; accepts <c>--name value</c> and <c>--name=value</c>.</summary>
internal static class CommandLine
{
    private const string ConfigurationPrefix = "--SmartHome:";
    private static readonly string[] OptionsWithValue = ["--host", "--port", "--appliance", "--seed", "--interval", "--duration"];

    public static CliCommand Parse(IReadOnlyList<string> args) => Parse(args, ScenarioLibrary.Shipped);

    /// <param name="args">The command line.</param>
    /// <param name="scenarios">Where <c>scenario</c> looks up scenario names.</param>
    public static CliCommand Parse(IReadOnlyList<string> args, ScenarioLibrary scenarios)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count > 0 && args[0] == FleetCommandLine.Name)
        {
            return FleetCommandLine.Parse(args.Skip(1).ToList());
        }

        if (args.Count > 0 && args[0] == ScenarioCommandLine.Name)
        {
            return ScenarioCommandLine.Parse(args.Skip(1).ToList(), scenarios);
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var hostArguments = new List<string>();
        TimeSpan? duration = null;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (IsHelp(arg))
            {
                return new HelpCommand();
            }

            if (arg.StartsWith(ConfigurationPrefix, StringComparison.OrdinalIgnoreCase))
            {
                hostArguments.Add(arg);
                continue;
            }

            if (ReadOption(args, ref i, OptionsWithValue, "option", out var name, out var value) is { } invalid)
            {
                return invalid;
            }

            if (name == "--duration")
            {
                if (!DurationParser.TryParse(value, out var limit))
                {
                    return Invalid(name, "a time such as 10m", value);
                }

                duration = limit;
                continue;
            }

            var (key, setting, expected) = name switch
            {
                "--host" => (nameof(FridgeSimulatorOptions.Host), value.Length > 0 ? value : null, "a host name or address"),
                "--port" => (nameof(FridgeSimulatorOptions.Port), IsPort(value) ? value : null, "a port number from 1 to 65535"),
                "--appliance" => (nameof(FridgeSimulatorOptions.ApplianceId), value.Length > 0 ? value : null, "an appliance id"),
                "--seed" => (nameof(FridgeSimulatorOptions.Seed), int.TryParse(value, CultureInfo.InvariantCulture, out _) ? value : null, "a whole number"),
                _ => (nameof(FridgeSimulatorOptions.TemperatureInterval),
                    DurationParser.TryParse(value, out var interval) ? interval.ToString("c", CultureInfo.InvariantCulture) : null, "a time such as 5s"),
            };

            if (setting is null)
            {
                return Invalid(name, expected, value);
            }

            settings[$"{FridgeSimulatorOptions.SectionName}:{key}"] = setting;
        }

        return new RunCommand(settings, [.. hostArguments], duration);
    }

    internal static bool IsHelp(string arg) => arg is "-h" or "-?" or "--help";

    /// <summary>
    /// Reads the option at <paramref name="i"/> and its value (<c>--name value</c> or <c>--name=value</c>), leaving
    /// <paramref name="i"/> on the last argument read; an error when the option is not one of <paramref name="known"/>
    /// or has no value.
    /// </summary>
    internal static InvalidCommand? ReadOption(IReadOnlyList<string> args, ref int i, string[] known, string what, out string name, out string value)
    {
        (name, var given) = SplitOption(args[i]);
        value = string.Empty;
        if (!known.Contains(name, StringComparer.Ordinal))
        {
            return new InvalidCommand($"unknown {what} '{args[i]}'");
        }

        if (given is null && i + 1 >= args.Count)
        {
            return new InvalidCommand($"{name} needs a value");
        }

        value = given ?? args[++i];
        return null;
    }

    internal static (string Name, string? Value) SplitOption(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    internal static bool IsPort(string value) => int.TryParse(value, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535;

    internal static InvalidCommand Invalid(string name, string expected, string value) => new($"{name} needs {expected}, was '{value}'");
}
