using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.FirmwareSim.Fleet;
using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.FirmwareSim.Cli;

internal static class Usage
{
    private const int ScenarioNameWidth = 21;

    public static string Text => Build(ScenarioLibrary.Shipped);

    /// <summary>The help text, listing the scenarios of <paramref name="scenarios"/>.</summary>
    internal static string Build(ScenarioLibrary scenarios) => Build(new FridgeSimulatorOptions(), FleetCommandLine.Defaults, ListScenarios(scenarios));

    private static string ListScenarios(ScenarioLibrary library)
    {
        try
        {
            return string.Join(Environment.NewLine, library.Scenarios.Select(s => $"  {s.Name.PadRight(ScenarioNameWidth)}{s.Description}"));
        }
        catch (ScenarioException ex)
        {
            return $"  (the shipped scenarios do not load: {ex.Message})";
        }
    }

    private static string Build(FridgeSimulatorOptions defaults, FleetPlan fleet, string scenarios) => $"""
        SmartHome firmware simulator: a fridge-freezer that reports temperatures, door openings and its
        inventory to a gateway's appliance link over MQTT (contract §2), the same way real firmware would.

        Usage: SmartHome.FirmwareSim [options]
               SmartHome.FirmwareSim scenario <name|path> [scenario options]
               SmartHome.FirmwareSim fleet [fleet options]

        Options:
          --host <name>        appliance link host (default {defaults.Host})
          --port <number>      appliance link port (default {defaults.Port})
          --appliance <id>     appliance id in the topics: letters, digits, '.', '_', '-' (default {defaults.ApplianceId})
          --seed <number>      random seed; the same seed gives the same household (default {defaults.Seed})
          --interval <time>    how often the fridge and freezer report their temperature (default {defaults.TemperatureInterval.TotalSeconds:0.###}s)
          --duration <time>    stop after this long (default: run until Ctrl+C)
          -h, --help           show this help

        Scenarios (firmware-sim/scenarios/*.json; give a path to play a file of your own):
        {scenarios}

        Scenario options (one fridge-freezer plays the scenario's timeline, then the run ends):
          --host <name>        appliance link host (default {defaults.Host})
          --port <number>      appliance link port (default {defaults.Port})
          --appliance <id>     appliance id in the topics (default: the scenario's, else {defaults.ApplianceId})
          --seed <number>      random seed (default: the scenario's)
          --speed <n|max>      simulated seconds per real second: 1 is real time (default), 3600 is an hour a
                               second, max is as fast as the link acknowledges; messages carry simulated time in 'at'
          --start <time>       when simulated time starts, ISO 8601 in whole seconds (default: now at real time or
                               slower; when compressed, the household's midnight a scenario's length ago, so the
                               timeline falls at the same times of day and no 'at' is in the future)

        Fleet options (load: many fridges, each its own MQTT client, simulated time compressed to the target rate):
          --households <n>     households to simulate (default {fleet.Households})
          --appliances <n>     fridges per household (default {fleet.AppliancesPerHousehold})
          --rate <n>           target total messages per second across the fleet (default {fleet.MessagesPerSecond})
          --links <list>       appliance links as host:port[,host:port...]; households take them in turn (default {string.Join(",", fleet.Links)})
          --seed <number>      the first fridge's seed; the others take the numbers after it (default {fleet.Seed})
          --messages <n>       stop after this many appliance messages (default: no limit)
          --duration <time>    stop after this long (default: run until --messages or Ctrl+C)

        Times are written 500ms, 30s, 5m, 2h, 7d, 1d6h, hh:mm:ss, or as a bare number of seconds.
        Every setting of the SmartHome:FirmwareSim section (Host, Port, ApplianceId, Seed, TemperatureInterval,
        DoorOpeningMeanInterval, Firmware, ReconnectMaxDelay) can also come from appsettings.json, from
        SmartHome__FirmwareSim__<Name> environment variables, or as --SmartHome:FirmwareSim:<Name>=<value>.
        DoorOpeningMeanInterval is the average time between two door openings, day and night (default {defaults.DoorOpeningMeanInterval.TotalMinutes:0.###}m).

        Examples:
          dotnet run --project firmware-sim/SmartHome.FirmwareSim -- --seed 7 --interval 2s --duration 5m
          dotnet run --project firmware-sim/SmartHome.FirmwareSim -- scenario power-outage --speed max
          dotnet run --project firmware-sim/SmartHome.FirmwareSim -- fleet --households 50 --appliances 2 --rate 500 --links 127.0.0.1:1884,127.0.0.1:1885 --duration 1m
        """;
}
