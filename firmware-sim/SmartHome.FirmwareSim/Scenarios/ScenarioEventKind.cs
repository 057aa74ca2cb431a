namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>What a timeline event does; <see cref="ScenarioEvents"/> has the names the files use.</summary>
public enum ScenarioEventKind
{
    PowerCut,
    DoorLeftOpen,
    Probe85,
    ProbeDisconnected,
    ProbeSilent,
    ProbeStuck,
    DoorBounce,
    Malformed,
    Offline,
}
