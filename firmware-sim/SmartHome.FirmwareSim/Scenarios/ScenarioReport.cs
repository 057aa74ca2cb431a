namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>What a scenario run sent (what the broker acknowledged) and what happened on the way.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Completed">False when the run was stopped before the scenario's end.</param>
/// <param name="SentByChannel">Acknowledged messages per channel (the topic's last level), status messages included.</param>
/// <param name="InventoryOps">Acknowledged inventory messages per <c>op</c>.</param>
/// <param name="FaultsInjected">Faults the scenario injected, per event name.</param>
/// <param name="LinkDrops">Times the appliance lost its link and came back.</param>
/// <param name="Dropped">Messages given up because too many piled up while the appliance was offline.</param>
/// <param name="SimulatedSpan">How much of the scenario's simulated time was played.</param>
/// <param name="WallTime">How long it took.</param>
public sealed record ScenarioReport(
    string Scenario,
    bool Completed,
    IReadOnlyDictionary<string, long> SentByChannel,
    IReadOnlyDictionary<string, long> InventoryOps,
    IReadOnlyDictionary<string, long> FaultsInjected,
    long LinkDrops,
    long Dropped,
    TimeSpan SimulatedSpan,
    TimeSpan WallTime)
{
    public long Total => SentByChannel.Values.Sum();
}
