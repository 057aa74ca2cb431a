using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MQTTnet.Exceptions;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.FirmwareSim.Appliances;
using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.FirmwareSim.Fleet;
using SmartHome.FirmwareSim.Mqtt;

namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>
/// Plays a scenario over MQTT: one simulated fridge-freezer on the appliance link, publishing each step's message when
/// the <see cref="ScenarioClock"/> reaches its simulated time (at once at <c>max</c>), in order, at QoS 1. A scenario's
/// outage drops the link without a goodbye (the broker fires the last will) and keeps the messages that fall due (up to
/// a bound, counting what it gives up) until the outage ends, then reconnects and sends them with their original
/// <c>at</c>. A real loss of the link holds the run until the link is back (the messages are produced as they are
/// sent, so nothing piles up).
/// </summary>
public sealed class ScenarioRunner : IDisposable
{
    private const int MaxPendingMessages = 10_000;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long the message in flight when the run is stopped may take to be acknowledged (longer only if the link is gone).</summary>
    private static readonly TimeSpan InFlightTimeout = TimeSpan.FromSeconds(5);

    private readonly ScenarioEngine _engine;
    private readonly ScenarioSpeed _speed;
    private readonly TimeProvider _timeProvider;
    private readonly SimulatorStatistics _statistics = new();
    private readonly ConcurrentDictionary<string, long> _inventoryOps = new(StringComparer.Ordinal);
    private readonly ApplianceLinkClient _link;
    private readonly ILogger _logger;
    private readonly Queue<SimulatedMessage> _pending = new();
    private DateTimeOffset? _linkBackAt;
    private long _simulatedNowTicks;

    public ScenarioRunner(ScenarioEngine engine, LinkAddress link, ScenarioSpeed speed, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(link);
        _engine = engine;
        _speed = speed;
        _timeProvider = timeProvider;
        _logger = logger;
        _simulatedNowTicks = engine.Start.UtcTicks;
        _link = new ApplianceLinkClient(
            new ApplianceLinkSettings(link.Host, link.Port, engine.ApplianceId, new FridgeSimulatorOptions().ReconnectMaxDelay),
            engine.Status(OnlineState.Online),
            engine.Status(OnlineState.Offline),
            timeProvider,
            _statistics,
            logger);
    }

    private DateTimeOffset SimulatedNow => new(Interlocked.Read(ref _simulatedNowTicks), TimeSpan.Zero);

    public ScenarioProgress Progress() =>
        new(SimulatedNow, Math.Clamp((SimulatedNow - _engine.Start) / _engine.Scenario.Duration, 0, 1), _statistics.PublishedTotal);

    /// <summary>
    /// Runs (once) until the scenario's end or until <paramref name="stoppingToken"/> fires, then reports the appliance
    /// offline, leaves the link, and says what was sent.
    /// </summary>
    public async Task<ScenarioReport> RunAsync(CancellationToken stoppingToken)
    {
        var clock = new ScenarioClock(_speed, _engine.Start, _timeProvider);
        var play = _engine.Play();
        var completed = false;

        // A stop lets the message in flight be acknowledged, so what the report counts is what the broker has.
        using var inFlight = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _timeProvider);
        await using var stopping = stoppingToken.Register(() => inFlight.CancelAfter(InFlightTimeout));
        try
        {
            await _link.ConnectAsync(stoppingToken);
            foreach (var step in play.Steps)
            {
                if (_linkBackAt is { } back && step.At >= back)
                {
                    await ComeBackAsync(clock, back, stoppingToken, inFlight.Token);
                }

                await clock.WaitUntilAsync(step.At, stoppingToken);
                MoveTo(step.At);
                await PlayAsync(step, inFlight.Token);
                stoppingToken.ThrowIfCancellationRequested();
            }

            if (_linkBackAt is { } stillOut)
            {
                await ComeBackAsync(clock, stillOut, stoppingToken, inFlight.Token);
            }

            await clock.WaitUntilAsync(_engine.End, stoppingToken);
            MoveTo(_engine.End);
            completed = true;
        }
        catch (Exception ex) when (stoppingToken.IsCancellationRequested && ex is OperationCanceledException or MqttCommunicationException)
        {
            // Stopped: what went out is reported below, and what was kept through an outage as given up.
            GiveUpKept();
        }

        using (var closing = new CancellationTokenSource(CloseTimeout, _timeProvider))
        {
            await _link.CloseAsync(closing.Token);
        }

        return new ScenarioReport(
            _engine.Scenario.Name,
            completed,
            _statistics.PublishedByChannel,
            new SortedDictionary<string, long>(_inventoryOps, StringComparer.Ordinal),
            play.FaultsInjected,
            Math.Max(0, _statistics.Connections - 1) + (_linkBackAt is null ? 0 : 1),
            _statistics.Dropped,
            SimulatedNow - _engine.Start,
            clock.Elapsed);
    }

    public void Dispose() => _link.Dispose();

    private async Task PlayAsync(ScenarioStep step, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case MessageStep { Message: var message } when _linkBackAt is not null:
                Keep(message);
                break;
            case MessageStep { Message: var message }:
                await PublishAsync(message, cancellationToken);
                break;
            case LinkOutageStep outage:
                _link.Drop();
                _linkBackAt = outage.Until;
                Log.OutageBegan(_logger, _engine.ApplianceId, outage.At, outage.Until);
                break;
            default:
                throw new NotSupportedException($"{step.GetType().Name} is not a step the runner knows");
        }
    }

    /// <summary>At the outage's end: reconnect (reporting online again), then send what was kept, oldest first.</summary>
    private async Task ComeBackAsync(ScenarioClock clock, DateTimeOffset back, CancellationToken stoppingToken, CancellationToken inFlightToken)
    {
        await clock.WaitUntilAsync(back, stoppingToken);
        MoveTo(back);
        _linkBackAt = null;
        await _link.ConnectAsync(stoppingToken);
        Log.OutageEnded(_logger, _engine.ApplianceId, _pending.Count);
        while (_pending.TryPeek(out var message))
        {
            await PublishAsync(message, inFlightToken);
            _pending.Dequeue();
            stoppingToken.ThrowIfCancellationRequested();
        }
    }

    private void Keep(SimulatedMessage message)
    {
        _pending.Enqueue(message);
        if (_pending.Count > MaxPendingMessages)
        {
            var dropped = _pending.Dequeue();
            _statistics.RecordDropped();
            Log.MessageDropped(_logger, dropped.Topic, MaxPendingMessages);
        }
    }

    private void GiveUpKept()
    {
        for (; _pending.Count > 0; _pending.Dequeue())
        {
            _statistics.RecordDropped();
        }
    }

    private async Task PublishAsync(SimulatedMessage message, CancellationToken cancellationToken)
    {
        await _link.PublishAsync(message, cancellationToken);
        CountInventoryOp(message);
    }

    private void CountInventoryOp(SimulatedMessage message)
    {
        if (message.Channel != ApplianceChannels.Inventory)
        {
            return;
        }

        try
        {
            using var payload = JsonDocument.Parse(message.Payload);
            if (payload.RootElement.TryGetProperty("op", out var op) && op.GetString() is { } name)
            {
                _inventoryOps.AddOrUpdate(name, 1, (_, count) => count + 1);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A deliberately malformed message has no op to count; the channel count has it.
        }
    }

    private void MoveTo(DateTimeOffset at) => Interlocked.Exchange(ref _simulatedNowTicks, at.UtcTicks);
}
