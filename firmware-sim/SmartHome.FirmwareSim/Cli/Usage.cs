using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.FirmwareSim.Fleet;

namespace SmartHome.FirmwareSim.Cli;

internal static class Usage
{
    public static string Text { get; } = Build(new FridgeSimulatorOptions(), FleetCommandLine.Defaults);

    private static string Build(FridgeSimulatorOptions defaults, FleetPlan fleet) => $"""
        SmartHome firmware simulator: a fridge-freezer that reports temperatures, door openings and its
        inventory to a gateway's appliance link over MQTT (contract §2), the same way real firmware would.

        Usage: SmartHome.FirmwareSim [options]
               SmartHome.FirmwareSim fleet [fleet options]

        Options:
          --host <name>        appliance link host (default {defaults.Host})
          --port <number>      appliance link port (default {defaults.Port})
          --appliance <id>     appliance id in the topics: letters, digits, '.', '_', '-' (default {defaults.ApplianceId})
          --seed <number>      random seed; the same seed gives the same household (default {defaults.Seed})
          --interval <time>    how often the fridge and freezer report their temperature (default {defaults.TemperatureInterval.TotalSeconds:0.###}s)
          --duration <time>    stop after this long (default: run until Ctrl+C)
          -h, --help           show this help

        Fleet options (load: many fridges, each its own MQTT client, simulated time compressed to the target rate):
          --households <n>     households to simulate (default {fleet.Households})
          --appliances <n>     fridges per household (default {fleet.AppliancesPerHousehold})
          --rate <n>           target total messages per second across the fleet (default {fleet.MessagesPerSecond})
          --links <list>       appliance links as host:port[,host:port...]; households take them in turn (default {string.Join(",", fleet.Links)})
          --seed <number>      the first fridge's seed; the others take the numbers after it (default {fleet.Seed})
          --messages <n>       stop after this many appliance messages (default: no limit)
          --duration <time>    stop after this long (default: run until --messages or Ctrl+C)

        Times are written 500ms, 30s, 5m, 2h, hh:mm:ss, or as a bare number of seconds.
        Every setting of the SmartHome:FirmwareSim section (Host, Port, ApplianceId, Seed, TemperatureInterval,
        DoorOpeningMeanInterval, Firmware, ReconnectMaxDelay) can also come from appsettings.json, from
        SmartHome__FirmwareSim__<Name> environment variables, or as --SmartHome:FirmwareSim:<Name>=<value>.
        DoorOpeningMeanInterval is the average time between two door openings, day and night (default {defaults.DoorOpeningMeanInterval.TotalMinutes:0.###}m).

        Examples:
          dotnet run --project firmware-sim/SmartHome.FirmwareSim -- --seed 7 --interval 2s --duration 5m
          dotnet run --project firmware-sim/SmartHome.FirmwareSim -- fleet --households 50 --appliances 2 --rate 500 --links 127.0.0.1:1884,127.0.0.1:1885 --duration 1m
        """;
}
