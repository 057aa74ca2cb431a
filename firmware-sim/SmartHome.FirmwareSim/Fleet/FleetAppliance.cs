using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.FirmwareSim.Appliances;
using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.FirmwareSim.Mqtt;

namespace SmartHome.FirmwareSim.Fleet;

/// <summary>One fleet member: a fridge simulator, its own MQTT session, and a queue its messages leave from in order.</summary>
internal sealed class FleetAppliance : IDisposable
{
    // Small, so the pacer's rate is what reaches the broker rather than what piles up in memory.
    private const int QueueCapacity = 64;

    private readonly ApplianceLinkClient _client;
    private readonly Channel<SimulatedMessage> _queue = Channel.CreateBounded<SimulatedMessage>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, SingleWriter = true });

    public FleetAppliance(LinkAddress link, FridgeSimulatorOptions options, DateTimeOffset start, TimeProvider timeProvider, ILogger logger)
    {
        Link = link;
        Simulator = new FridgeSimulator(options, start);
        _client = new ApplianceLinkClient(
            new ApplianceLinkSettings(link.Host, link.Port, options.ApplianceId, options.ReconnectMaxDelay),
            Simulator.Status(OnlineState.Online, start),
            Simulator.Status(OnlineState.Offline, start),
            timeProvider,
            Statistics,
            logger);
    }

    public LinkAddress Link { get; }

    public FridgeSimulator Simulator { get; }

    /// <summary>This appliance's own counts; its link state is this session's alone.</summary>
    public SimulatorStatistics Statistics { get; } = new();

    public ValueTask EnqueueAsync(SimulatedMessage message, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(message, cancellationToken);

    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Connects, then publishes queued messages one by one (so they arrive in order) until the queue is completed.</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        await _client.ConnectAsync(cancellationToken);
        await foreach (var message in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            await _client.PublishAsync(message, cancellationToken);
        }
    }

    public Task CloseAsync(CancellationToken cancellationToken) => _client.CloseAsync(cancellationToken);

    public void Dispose() => _client.Dispose();
}
