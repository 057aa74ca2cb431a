using SmartHome.FirmwareSim.Faults;

namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>
/// One playing of a scenario (<see cref="ScenarioEngine.Play"/>): its steps, produced as they are enumerated (enumerate
/// them once), and what its faults have put into the stream so far.
/// </summary>
public sealed class ScenarioPlay
{
    private readonly FaultInjector _injector;
    private long _outages;

    internal ScenarioPlay(FaultInjector injector) => _injector = injector;

    /// <summary>Every step, oldest first.</summary>
    public IEnumerable<ScenarioStep> Steps { get; internal set; } = [];

    /// <summary>
    /// By fault name, what the faults have done up to where the steps have been enumerated: readings changed or
    /// withheld, messages added, and for <c>offline</c> the outages begun.
    /// </summary>
    public IReadOnlyDictionary<string, long> FaultsInjected
    {
        get
        {
            var injected = new SortedDictionary<string, long>(_injector.Injected.ToDictionary(), StringComparer.Ordinal);
            if (_outages > 0)
            {
                injected[FaultNames.Offline] = _outages;
            }

            return injected;
        }
    }

    internal void OutageBegan() => _outages++;
}
