namespace SmartHome.FirmwareSim.Faults;

/// <summary>A fault a scenario switches on; <see cref="Name"/> is one of <see cref="FaultNames"/>.</summary>
public abstract record Fault
{
    public abstract string Name { get; }
}

/// <summary>A fault that holds from <paramref name="From"/> until (not including) <paramref name="Until"/>.</summary>
public abstract record WindowedFault(DateTimeOffset From, DateTimeOffset Until) : Fault
{
    public bool Covers(DateTimeOffset at) => From <= at && at < Until;
}

/// <summary>The named sensor's probe misbehaves for readings taken inside the window.</summary>
public sealed record ProbeFault(string Sensor, ProbeFaultKind Kind, DateTimeOffset From, DateTimeOffset Until) : WindowedFault(From, Until)
{
    public override string Name => FaultNames.Of(Kind);
}

/// <summary>
/// Each change of <paramref name="Door"/> inside the window is followed by <paramref name="Bounces"/> quick flips to
/// the other state and back, tens of milliseconds apart.
/// </summary>
public sealed record DoorBounce(string Door, DateTimeOffset From, DateTimeOffset Until, int Bounces) : WindowedFault(From, Until)
{
    public override string Name => FaultNames.DoorBounce;
}

/// <summary>At <paramref name="At"/>, the firmware sends one broken message of each of <paramref name="Kinds"/>, in that order.</summary>
public sealed record MalformedBurst(DateTimeOffset At, IReadOnlyList<MalformedKind> Kinds) : Fault
{
    public override string Name => FaultNames.Malformed;
}
