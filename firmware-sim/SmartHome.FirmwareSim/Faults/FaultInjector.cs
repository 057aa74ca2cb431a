using System.Text.Json;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Serialization;
using SmartHome.FirmwareSim.Appliances;
using SmartHome.FirmwareSim.Simulation;

namespace SmartHome.FirmwareSim.Faults;

/// <summary>
/// Puts faults into one simulated appliance's message stream. Feed it the stream oldest first, in as many pieces as it
/// is produced, each with the moment the stream is complete up to; it returns the stream with the faults in, oldest
/// first, up to that moment. The same seed, faults and stream give the same output however the stream is sliced. A
/// message it adds after that moment (a bounce's flips) waits for a later call, so what it returns is in time order.
/// </summary>
public sealed class FaultInjector
{
    /// <summary>What a DS18B20 reads after a power-on reset: its temperature register's initial value.</summary>
    public const double PowerOnResetCelsius = 85.0;

    /// <summary>What the common DS18B20 libraries report when the probe does not answer (DEVICE_DISCONNECTED_C).</summary>
    public const double DisconnectedCelsius = -127.0;

    private static readonly TimeSpan ShortestBounce = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestBounce = TimeSpan.FromMilliseconds(60);

    private readonly string _applianceId;
    private readonly Random _random;
    private readonly IReadOnlyList<ProbeFault> _probeFaults;
    private readonly IReadOnlyList<DoorBounce> _doorBounces;
    private readonly Queue<MalformedBurst> _malformedBursts;
    private readonly Dictionary<string, double> _lastReported = new(StringComparer.Ordinal);
    private readonly Dictionary<ProbeFault, double> _stuckAt = [];
    private readonly SortedDictionary<string, long> _injected = new(StringComparer.Ordinal);
    private List<SimulatedMessage> _waiting = [];

    public FaultInjector(string applianceId, int seed, IEnumerable<Fault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        _applianceId = applianceId;
        _random = new Random(seed);
        var all = faults.ToList();
        foreach (var fault in all)
        {
            ThrowIfInvalid(fault);
        }

        _probeFaults = all.OfType<ProbeFault>().ToList();
        _doorBounces = all.OfType<DoorBounce>().ToList();
        _malformedBursts = new Queue<MalformedBurst>(all.OfType<MalformedBurst>().OrderBy(b => b.At));
    }

    /// <summary>What each fault has done so far, by fault name: readings changed or dropped, messages added.</summary>
    public IReadOnlyDictionary<string, long> Injected => _injected;

    /// <summary>
    /// Applies the faults to the next piece of the stream (oldest first), which holds everything the appliance sends up
    /// to <paramref name="through"/>, and returns what is to be sent up to then, oldest first.
    /// </summary>
    public IReadOnlyList<SimulatedMessage> Apply(IReadOnlyList<SimulatedMessage> messages, DateTimeOffset through)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var output = new List<SimulatedMessage>(messages.Count);
        var added = new List<SimulatedMessage>();
        foreach (var message in messages)
        {
            SendBurstsDue(message.At, output);

            switch (message.Channel)
            {
                case ApplianceChannels.Temperature:
                    if (ApplyProbeFaults(message) is { } reading)
                    {
                        output.Add(reading);
                    }

                    break;
                case ApplianceChannels.Door:
                    output.Add(message);
                    added.AddRange(Bounce(message));
                    break;
                default:
                    output.Add(message);
                    break;
            }
        }

        SendBurstsDue(through, output);

        // Stable: a message given keeps its place ahead of one added at the same moment.
        var merged = output.Concat(_waiting).Concat(added).OrderBy(m => m.At).ToList();
        _waiting = merged.Where(m => m.At > through).ToList();
        return merged.Where(m => m.At <= through).ToList();
    }

    private void SendBurstsDue(DateTimeOffset at, List<SimulatedMessage> output)
    {
        while (_malformedBursts.TryPeek(out var burst) && burst.At <= at)
        {
            _malformedBursts.Dequeue();
            output.AddRange(burst.Kinds.Select(kind => MalformedMessages.Create(_applianceId, kind, burst.At, _random)));
            Count(FaultNames.Malformed, burst.Kinds.Count);
        }
    }

    private SimulatedMessage? ApplyProbeFaults(SimulatedMessage message)
    {
        var reading = JsonSerializer.Deserialize(message.Payload, ContractsJsonContext.Default.TemperatureReading)!;
        var fault = _probeFaults.FirstOrDefault(f => f.Sensor == reading.Sensor && f.Covers(message.At));
        if (fault is null)
        {
            _lastReported[reading.Sensor] = reading.Celsius;
            return message;
        }

        Count(fault.Name, 1);
        return fault.Kind switch
        {
            ProbeFaultKind.PowerOnReset => WithCelsius(PowerOnResetCelsius),
            ProbeFaultKind.Disconnected => WithCelsius(DisconnectedCelsius),
            ProbeFaultKind.Silent => null,
            _ => WithCelsius(StuckValue(fault, reading.Celsius)),
        };

        SimulatedMessage WithCelsius(double celsius) => ApplianceMessages.Temperature(_applianceId, reading.Sensor, celsius, message.At);
    }

    /// <summary>The value the probe last reported before the fault; a probe stuck from its first reading keeps that one.</summary>
    private double StuckValue(ProbeFault fault, double firstInWindow)
    {
        if (!_stuckAt.TryGetValue(fault, out var stuck))
        {
            stuck = _stuckAt[fault] = _lastReported.GetValueOrDefault(fault.Sensor, firstInWindow);
        }

        return stuck;
    }

    /// <summary>The contacts chatter after the change: the other state, the true one again, and so on, ending in the true state.</summary>
    private List<SimulatedMessage> Bounce(SimulatedMessage message)
    {
        var change = JsonSerializer.Deserialize(message.Payload, ContractsJsonContext.Default.DoorEvent)!;
        var bounce = _doorBounces.FirstOrDefault(b => b.Door == change.Door && b.Covers(message.At));
        if (bounce is null)
        {
            return [];
        }

        var other = change.State == DoorState.Open ? DoorState.Closed : DoorState.Open;
        var toggles = new List<SimulatedMessage>(2 * bounce.Bounces);
        var at = message.At;
        for (var i = 0; i < 2 * bounce.Bounces; i++)
        {
            at += _random.NextBetween(ShortestBounce, LongestBounce);
            toggles.Add(ApplianceMessages.Door(_applianceId, change.Door, i % 2 == 0 ? other : change.State, at));
        }

        // A burst that would run past the window's end is left out, so every toggle stays inside the window.
        if (!bounce.Covers(at))
        {
            return [];
        }

        Count(bounce.Name, toggles.Count);
        return toggles;
    }

    private static void ThrowIfInvalid(Fault fault)
    {
        var problem = fault switch
        {
            WindowedFault { From: var from, Until: var until } when until <= from => "ends before it starts",
            DoorBounce { Bounces: < 1 } => "needs at least 1 bounce",
            MalformedBurst { Kinds.Count: 0 } => "names no kind of message",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ArgumentException($"Fault {fault.Name} {problem}: {fault}", nameof(fault));
        }
    }

    private void Count(string fault, long count) => _injected[fault] = _injected.GetValueOrDefault(fault) + count;
}
