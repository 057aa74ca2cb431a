namespace SmartHome.FirmwareSim.Fleet;

/// <summary>What a fleet run simulates and how hard it pushes.</summary>
/// <param name="Households">How many households; each connects to one link, spread over <paramref name="Links"/> in turn.</param>
/// <param name="AppliancesPerHousehold">Simulated fridges per household, each with its own MQTT client.</param>
/// <param name="MessagesPerSecond">The target total rate of appliance messages across the fleet.</param>
/// <param name="Links">The gateway appliance links to spread the households over.</param>
/// <param name="Seed">The first appliance's seed; the others take the following numbers.</param>
/// <param name="MessageLimit">Stop after this many appliance messages (status messages not counted); null runs until stopped.</param>
public sealed record FleetPlan(
    int Households,
    int AppliancesPerHousehold,
    double MessagesPerSecond,
    IReadOnlyList<LinkAddress> Links,
    int Seed,
    long? MessageLimit)
{
    public int Appliances => Households * AppliancesPerHousehold;

    /// <summary>The appliance id (and MQTT client id) of one fleet member, both numbers counted from 1.</summary>
    public static string ApplianceId(int household, int appliance) => $"fleet-h{household:D4}-a{appliance}";

    /// <summary>Household <paramref name="household"/> (counted from 1) connects here.</summary>
    public LinkAddress LinkOf(int household) => Links[(household - 1) % Links.Count];
}
