namespace SmartHome.FirmwareSim.Faults;

/// <summary>The names scenario files and run summaries use for faults, all in one place.</summary>
public static class FaultNames
{
    public const string Probe85 = "probe-85";
    public const string ProbeDisconnected = "probe-disconnected";
    public const string ProbeSilent = "probe-silent";
    public const string ProbeStuck = "probe-stuck";
    public const string DoorBounce = "door-bounce";
    public const string Malformed = "malformed";
    public const string Offline = "offline";

    public static string Of(ProbeFaultKind kind) => kind switch
    {
        ProbeFaultKind.PowerOnReset => Probe85,
        ProbeFaultKind.Disconnected => ProbeDisconnected,
        ProbeFaultKind.Silent => ProbeSilent,
        ProbeFaultKind.Stuck => ProbeStuck,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a probe fault"),
    };
}
