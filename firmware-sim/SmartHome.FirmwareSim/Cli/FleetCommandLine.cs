using System.Globalization;
using SmartHome.FirmwareSim.Fleet;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>Reads the options of the <c>fleet</c> command, in the same <c>--name value</c> / <c>--name=value</c> style.</summary>
internal static class FleetCommandLine
{
    public const string Name = "fleet";

    public static readonly FleetPlan Defaults = new(10, 2, 100, [new LinkAddress("127.0.0.1", 1884)], 1, null);

    private const int MaxHouseholds = 10_000;
    private const int MaxAppliancesPerHousehold = 100;
    private const double MaxRate = 100_000;
    private static readonly string[] Options = ["--households", "--appliances", "--rate", "--links", "--seed", "--messages", "--duration"];

    public static CliCommand Parse(IReadOnlyList<string> args)
    {
        var plan = Defaults;
        TimeSpan? duration = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (CommandLine.IsHelp(args[i]))
            {
                return new HelpCommand();
            }

            if (CommandLine.ReadOption(args, ref i, Options, "fleet option", out var name, out var value) is { } invalid)
            {
                return invalid;
            }

            (FleetPlan? Plan, string Expected) parsed = name switch
            {
                "--households" => (TryCount(value, MaxHouseholds, out var households) ? plan with { Households = households } : null, $"a number from 1 to {MaxHouseholds}"),
                "--appliances" => (TryCount(value, MaxAppliancesPerHousehold, out var appliances) ? plan with { AppliancesPerHousehold = appliances } : null,
                    $"a number from 1 to {MaxAppliancesPerHousehold}"),
                "--rate" => (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate is > 0 and <= MaxRate
                    ? plan with { MessagesPerSecond = rate } : null, $"messages per second, more than 0 and at most {MaxRate}"),
                "--links" => (TryLinks(value, out var links) ? plan with { Links = links } : null, "a comma-separated list of host:port"),
                "--seed" => (int.TryParse(value, CultureInfo.InvariantCulture, out var seed) ? plan with { Seed = seed } : null, "a whole number"),
                "--messages" => (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? plan with { MessageLimit = limit } : null,
                    "a number of messages, at least 1"),
                _ => (plan, "a time such as 10m"),
            };

            if (name == "--duration")
            {
                if (!DurationParser.TryParse(value, out var limit))
                {
                    return CommandLine.Invalid(name, parsed.Expected, value);
                }

                duration = limit;
            }

            if (parsed.Plan is null)
            {
                return CommandLine.Invalid(name, parsed.Expected, value);
            }

            plan = parsed.Plan;
        }

        return new FleetCommand(plan, duration);
    }

    private static bool TryCount(string value, int max, out int count) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= 1 && count <= max;

    private static bool TryLinks(string value, out IReadOnlyList<LinkAddress> links)
    {
        var parsed = new List<LinkAddress>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!LinkAddress.TryParse(part, out var link))
            {
                links = [];
                return false;
            }

            parsed.Add(link);
        }

        links = parsed;
        return parsed.Count > 0;
    }
}
