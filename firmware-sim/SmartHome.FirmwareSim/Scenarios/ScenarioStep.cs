using SmartHome.FirmwareSim.Appliances;

namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>One thing a scenario run does at a simulated moment.</summary>
public abstract record ScenarioStep(DateTimeOffset At);

/// <summary>The appliance sends a message.</summary>
public sealed record MessageStep(SimulatedMessage Message) : ScenarioStep(Message.At);

/// <summary>The appliance drops off the network without saying goodbye (the broker fires its last will) and is back after <paramref name="For"/>.</summary>
public sealed record LinkOutageStep(DateTimeOffset At, TimeSpan For) : ScenarioStep(At)
{
    public DateTimeOffset Until => At + For;
}
