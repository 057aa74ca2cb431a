using Microsoft.Extensions.Logging;
using SmartHome.FirmwareSim.Appliances.Fridge;

namespace SmartHome.FirmwareSim.Fleet;

/// <summary>
/// Runs many simulated fridges at once. Simulated time is compressed: the fleet takes the next message due across all
/// appliances (so each appliance's messages keep their order and their simulated <c>at</c>) as fast as the pacer allows,
/// and each appliance publishes from its own MQTT session.
/// </summary>
public sealed class ApplianceFleet
{
    /// <summary>How long queued messages may take to go out once the run is told to stop.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly FleetPlan _plan;
    private readonly TimeProvider _timeProvider;
    private readonly List<FleetAppliance> _appliances = [];
    private long _queued;

    public ApplianceFleet(FleetPlan plan, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
        _timeProvider = timeProvider;
        var start = timeProvider.GetUtcNow();
        for (var household = 1; household <= plan.Households; household++)
        {
            for (var appliance = 1; appliance <= plan.AppliancesPerHousehold; appliance++)
            {
                var options = new FridgeSimulatorOptions
                {
                    ApplianceId = FleetPlan.ApplianceId(household, appliance),
                    Seed = unchecked(plan.Seed + _appliances.Count),
                };
                _appliances.Add(new FleetAppliance(plan.LinkOf(household), options, start, timeProvider, logger));
            }
        }
    }

    /// <summary>Appliance messages handed to the appliances so far (status messages not counted).</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>What the broker has acknowledged so far, status messages included.</summary>
    public FleetReport Report() => new(_appliances
        .GroupBy(appliance => appliance.Link)
        .ToDictionary(
            link => link.Key,
            link => (IReadOnlyDictionary<string, long>)link
                .SelectMany(appliance => appliance.Statistics.PublishedByChannel)
                .GroupBy(kind => kind.Key, StringComparer.Ordinal)
                .ToDictionary(kind => kind.Key, kind => kind.Sum(count => count.Value), StringComparer.Ordinal)));

    /// <summary>
    /// Runs (once) until the message limit is reached or <paramref name="stoppingToken"/> fires, lets the queued messages go
    /// out, reports every appliance offline, and returns what was sent.
    /// </summary>
    public async Task<FleetReport> RunAsync(CancellationToken stoppingToken)
    {
        using var drain = new CancellationTokenSource();
        var senders = _appliances.Select(appliance => appliance.SendAsync(drain.Token)).ToArray();
        try
        {
            await ProduceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Asked to stop: what is queued still goes out, within the drain timeout.
        }
        finally
        {
            _appliances.ForEach(appliance => appliance.Complete());
        }

        await DrainAsync(Task.WhenAll(senders), drain, stoppingToken);
        using var closing = new CancellationTokenSource(CloseTimeout, _timeProvider);
        await Task.WhenAll(_appliances.Select(appliance => appliance.CloseAsync(closing.Token)));
        _appliances.ForEach(appliance => appliance.Dispose());
        return Report();
    }

    /// <summary>Waits for the queues to empty; once asked to stop, for <see cref="DrainTimeout"/> at most.</summary>
    private async Task DrainAsync(Task sending, CancellationTokenSource drain, CancellationToken stoppingToken)
    {
        try
        {
            await sending.WaitAsync(stoppingToken);
            return;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Fall through to the bounded wait.
        }

        try
        {
            await sending.WaitAsync(DrainTimeout, _timeProvider, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // The link did not take the rest in time; the report says what did go out.
            await drain.CancelAsync();
        }

        try
        {
            await sending;
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested)
        {
            // The senders gave up as told.
        }
    }

    private async Task ProduceAsync(CancellationToken stoppingToken)
    {
        var pacer = new TokenBucketPacer(_plan.MessagesPerSecond, Math.Max(1, (int)(_plan.MessagesPerSecond / 10)), _timeProvider);
        var due = new PriorityQueue<FleetAppliance, DateTimeOffset>(_appliances.Select(appliance => (appliance, appliance.Simulator.NextDueAt)));
        var limit = _plan.MessageLimit ?? long.MaxValue;
        while (Queued < limit)
        {
            var appliance = due.Dequeue();
            foreach (var message in appliance.Simulator.Advance(appliance.Simulator.NextDueAt).Take((int)Math.Min(int.MaxValue, limit - Queued)))
            {
                await pacer.WaitAsync(stoppingToken);
                await appliance.EnqueueAsync(message, stoppingToken);
                Interlocked.Increment(ref _queued);
            }

            due.Enqueue(appliance, appliance.Simulator.NextDueAt);
        }
    }
}
