using SmartHome.Contracts.ApplianceLink;
using SmartHome.FirmwareSim.Appliances;
using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.FirmwareSim.Faults;

namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>
/// Plays a scenario without a clock or a network: the fridge-freezer and household it describes, from
/// <see cref="Start"/> to <see cref="End"/>, with its timeline's controls applied and faults injected at their moments,
/// as the steps a runner carries out in order. The same scenario, seed and start give the same steps.
/// </summary>
public sealed class ScenarioEngine
{
    /// <summary>How many times the door switch flips back and forth after each change inside a <c>door-bounce</c> window.</summary>
    public const int DoorBounces = 3;

    // The simulator is advanced an hour at a time, so a long scenario streams rather than piling up in memory.
    private static readonly TimeSpan Chunk = TimeSpan.FromHours(1);

    private readonly FridgeSimulatorOptions _options;
    private readonly int _seed;
    private readonly List<Fault> _faults;
    private readonly List<Control> _controls;

    public ScenarioEngine(Scenario scenario, int seed, DateTimeOffset start, string? applianceId = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        _seed = seed;
        _options = new FridgeSimulatorOptions { Seed = seed, ApplianceId = applianceId ?? scenario.ApplianceId ?? new FridgeSimulatorOptions().ApplianceId };
        scenario.Fridge.ApplyTo(_options);
        Start = ScenarioClock.WholeSeconds(start.ToUniversalTime());
        _faults = [.. scenario.Timeline.Select(ToFault).OfType<Fault>()];
        _controls = [.. scenario.Timeline
            .Where(e => e.Kind is ScenarioEventKind.PowerCut or ScenarioEventKind.DoorLeftOpen or ScenarioEventKind.Offline)
            .SelectMany(e => e.Kind == ScenarioEventKind.PowerCut
                ? [new Control(Start + e.At, e, PowerOn: false), new Control(Start + e.End, e, PowerOn: true)]
                : new[] { new Control(Start + e.At, e, PowerOn: false) })
            .OrderBy(c => c.At)];
    }

    public Scenario Scenario { get; }

    public string ApplianceId => _options.ApplianceId;

    public DateTimeOffset Start { get; }

    public DateTimeOffset End => Start + Scenario.Duration;

    /// <summary>The retained status message; the offline one doubles as the MQTT last will.</summary>
    public SimulatedMessage Status(OnlineState state) => ApplianceMessages.Status(_options.ApplianceId, state, _options.Firmware, Start);

    /// <summary>A fresh playing of the scenario: its steps from <see cref="Start"/> up to <see cref="End"/>, and what its faults do.</summary>
    public ScenarioPlay Play()
    {
        var injector = new FaultInjector(_options.ApplianceId, _seed, _faults);
        var play = new ScenarioPlay(injector);
        play.Steps = Steps(injector, play);
        return play;
    }

    private IEnumerable<ScenarioStep> Steps(FaultInjector injector, ScenarioPlay play)
    {
        var fridge = new FridgeSimulator(_options, Scenario.Household, Start);
        var dark = false;
        var from = Start;
        foreach (var (at, scenarioEvent, powerOn) in _controls)
        {
            // Up to just before the moment: what falls due at it comes after the control, inside an outage's [from, until).
            var justBefore = at - TimeSpan.FromTicks(1);
            foreach (var step in Messages(fridge, injector, from, justBefore, dark))
            {
                yield return step;
            }

            from = justBefore > from ? justBefore : from;
            switch (scenarioEvent.Kind)
            {
                case ScenarioEventKind.PowerCut:
                    fridge.SetPowered(powerOn, at);
                    if (!scenarioEvent.FirmwareOnBattery)
                    {
                        // The controller goes down with the mains: nothing is sent until it boots again, and the broker,
                        // losing the connection without a goodbye, publishes the last will.
                        dark = !powerOn;
                        if (dark)
                        {
                            yield return new LinkOutageStep(at, scenarioEvent.For!.Value);
                        }
                    }

                    break;
                case ScenarioEventKind.DoorLeftOpen:
                    fridge.LeaveDoorOpen(at, scenarioEvent.For!.Value);
                    break;
                default:
                    play.OutageBegan();
                    yield return new LinkOutageStep(at, scenarioEvent.For!.Value);
                    break;
            }
        }

        foreach (var step in Messages(fridge, injector, from, End, dark))
        {
            yield return step;
        }
    }

    /// <summary>The appliance's messages from <paramref name="from"/> to <paramref name="until"/>, faults in; none while it is <paramref name="dark"/>.</summary>
    private static IEnumerable<ScenarioStep> Messages(FridgeSimulator fridge, FaultInjector injector, DateTimeOffset from, DateTimeOffset until, bool dark)
    {
        for (var reached = from; reached < until;)
        {
            reached = reached + Chunk < until ? reached + Chunk : until;
            var produced = fridge.Advance(reached);
            if (dark)
            {
                continue;
            }

            foreach (var message in injector.Apply(produced, reached))
            {
                yield return new MessageStep(message);
            }
        }
    }

    /// <summary>A moment the engine acts on the fridge or the link; a power cut has two, the cut and the power coming back.</summary>
    private sealed record Control(DateTimeOffset At, ScenarioEvent Event, bool PowerOn);

    private Fault? ToFault(ScenarioEvent e)
    {
        DateTimeOffset from = Start + e.At, until = Start + e.End;
        return e.Kind switch
        {
            ScenarioEventKind.Probe85 => new ProbeFault(e.Sensor!, ProbeFaultKind.PowerOnReset, from, until),
            ScenarioEventKind.ProbeDisconnected => new ProbeFault(e.Sensor!, ProbeFaultKind.Disconnected, from, until),
            ScenarioEventKind.ProbeSilent => new ProbeFault(e.Sensor!, ProbeFaultKind.Silent, from, until),
            ScenarioEventKind.ProbeStuck => new ProbeFault(e.Sensor!, ProbeFaultKind.Stuck, from, until),
            ScenarioEventKind.DoorBounce => new DoorBounce(FridgeSimulator.MainDoor, from, until, DoorBounces),
            ScenarioEventKind.Malformed => new MalformedBurst(from, e.MalformedKinds),
            _ => null,
        };
    }
}
