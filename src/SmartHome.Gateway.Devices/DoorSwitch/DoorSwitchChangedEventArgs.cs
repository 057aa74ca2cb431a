using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Gateway.Devices.DoorSwitch;

/// <summary>The door's settled state after an edge, and when it settled.</summary>
public sealed class DoorSwitchChangedEventArgs(DoorState state, DateTimeOffset at) : EventArgs
{
    public DoorState State { get; } = state;

    public DateTimeOffset At { get; } = at;
}
