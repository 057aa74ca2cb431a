using SmartHome.FirmwareSim.Faults;

namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>One entry of a scenario's timeline.</summary>
/// <param name="Index">Its place in the file's <c>timeline</c> array, for error messages.</param>
/// <param name="At">When it happens, counted from the scenario's start.</param>
/// <param name="Kind">What happens.</param>
/// <param name="For">How long it lasts, for the events that last.</param>
/// <param name="Sensor">The probe a probe fault affects: <c>fridge</c> or <c>freezer</c>.</param>
/// <param name="MalformedKinds">The kinds of broken message a <c>malformed</c> burst sends.</param>
public sealed record ScenarioEvent(int Index, TimeSpan At, ScenarioEventKind Kind, TimeSpan? For, string? Sensor, IReadOnlyList<MalformedKind> MalformedKinds)
{
    public string Name => ScenarioEvents.NameOf(Kind);

    /// <summary>For a power cut: whether the appliance keeps reporting through it on a battery, rather than going dark.</summary>
    public bool FirmwareOnBattery { get; init; }

    /// <summary>When it is over: <see cref="At"/> for a moment, <see cref="At"/> + <see cref="For"/> for the events that last.</summary>
    public TimeSpan End => At + (For ?? TimeSpan.Zero);
}
