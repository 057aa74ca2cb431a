using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.FirmwareSim.Mqtt;

namespace SmartHome.FirmwareSim.Appliances.Fridge;

/// <summary>
/// Runs a <see cref="FridgeSimulator"/> against a gateway's appliance link: connects (waiting for the link if it is
/// not up yet), then publishes each message when its time comes. Messages that fall due while the link is down are
/// kept, up to a bound, and sent with their original timestamps once it is back.
/// </summary>
public sealed class FridgeSimulatorService : BackgroundService
{
    private const int MaxPendingMessages = 10_000;

    private readonly FridgeSimulatorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SimulatorStatistics _statistics;
    private readonly ILogger<FridgeSimulatorService> _logger;
    private readonly ApplianceLinkClient _link;
    private readonly Queue<SimulatedMessage> _pending = new();

    public FridgeSimulatorService(
        IOptions<FridgeSimulatorOptions> options,
        TimeProvider timeProvider,
        SimulatorStatistics statistics,
        ILogger<FridgeSimulatorService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _timeProvider = timeProvider;
        _statistics = statistics;
        _logger = logger;

        var now = timeProvider.GetUtcNow();
        _link = new ApplianceLinkClient(
            new ApplianceLinkSettings(_options.Host, _options.Port, _options.ApplianceId, _options.ReconnectMaxDelay),
            ApplianceMessages.Status(_options.ApplianceId, OnlineState.Online, _options.Firmware, now),
            ApplianceMessages.Status(_options.ApplianceId, OnlineState.Offline, _options.Firmware, now),
            timeProvider,
            statistics,
            logger);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _link.ConnectAsync(stoppingToken);
        var simulator = new FridgeSimulator(_options, _timeProvider.GetUtcNow());
        Log.SimulationStarted(_logger, simulator.ApplianceId, simulator.StartedAt, _options.Seed, simulator.ItemsInStock, _options.TemperatureInterval);

        while (!stoppingToken.IsCancellationRequested)
        {
            Enqueue(simulator.Advance(_timeProvider.GetUtcNow()));
            while (_pending.TryPeek(out var message))
            {
                await _link.PublishAsync(message, stoppingToken);
                _pending.Dequeue();
            }

            var untilNext = simulator.NextDueAt - _timeProvider.GetUtcNow();
            if (untilNext > TimeSpan.Zero)
            {
                await Task.Delay(untilNext, _timeProvider, stoppingToken);
            }
        }
    }

    /// <summary>Stops the simulation, then reports the appliance offline and leaves the link cleanly.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _link.CloseAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _link.Dispose();
        base.Dispose();
    }

    private void Enqueue(IReadOnlyList<SimulatedMessage> messages)
    {
        foreach (var message in messages)
        {
            _pending.Enqueue(message);
            if (_pending.Count > MaxPendingMessages)
            {
                var dropped = _pending.Dequeue();
                _statistics.RecordDropped();
                Log.MessageDropped(_logger, dropped.Topic, MaxPendingMessages);
            }
        }
    }
}
