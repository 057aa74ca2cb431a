using System.Data.Common;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Health;
using SmartHome.Cloud.Options;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Delivery;

/// <summary>
/// Works off the delivery outbox: claims due deliveries in small batches and runs each as its own task, at most
/// <see cref="DeliveryWorkerOptions.MaxInFlight"/> at once. Each endpoint's limits (<see cref="EndpointLimiter"/>) are
/// taken before a delivery counts as in flight. A claimed delivery whose endpoint has no room waits here, in its
/// endpoint's queue (at most twice <see cref="ClaimPerEndpointSlot"/> per slot), and starts as soon as a slot frees,
/// without another claim; it does not count as in flight, and the claims skip a busy endpoint's subscriptions while a
/// claim's worth waits for it, so deliveries waiting for one endpoint never occupy the slots that others need. One waiting longer than half its lease,
/// or beyond its endpoint's queue, is handed back, still due and in its place. At shutdown it stops claiming, hands back
/// what it had not started, and lets running attempts end.
/// </summary>
internal sealed class DeliveryWorker(
    DeliveryStore store,
    DeliveryProcessor processor,
    EndpointLimiter limiter,
    OutboxSignals signals,
    CloudCounters counters,
    IOptions<DeliveryWorkerOptions> options,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    /// <summary>Deliveries of one subscription a claim takes at most, per slot of its endpoint; twice that may wait here.</summary>
    public const int ClaimPerEndpointSlot = 4;

    private readonly HashSet<Task> inFlight = [];
    private readonly Dictionary<string, Queue<WaitingDelivery>> waiting = new(StringComparer.Ordinal);
    private readonly Lock inFlightGate = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimedFull = false;
            try
            {
                await StartWaitingAsync(stoppingToken);
                var room = settings.MaxInFlight - InFlightCount();
                if (room > 0)
                {
                    // A subscription is claimed for again only once fewer than a claim's worth wait for its endpoint, so
                    // a claim fits into the queue and the queue never runs dry while the endpoint is fast.
                    var claimCap = settings.MaxInFlightPerEndpoint * ClaimPerEndpointSlot;
                    var waitingCap = 2 * claimCap;
                    var claimed = await store.ClaimDueAsync(
                        Math.Min(room, settings.BatchSize), claimCap, settings.Lease, SubscriptionsToSkip(claimCap), stoppingToken);
                    var handBack = new List<ClaimedDelivery>();
                    lock (inFlightGate)
                    {
                        foreach (var delivery in claimed)
                        {
                            var endpoint = EndpointLimiter.KeyOf(delivery.WebhookUrl, delivery.PartnerId);
                            if (!waiting.TryGetValue(endpoint, out var queue))
                            {
                                queue = new();
                                waiting.Add(endpoint, queue);
                            }

                            if (queue.Count < waitingCap)
                            {
                                queue.Enqueue(new(delivery, endpoint));
                            }
                            else
                            {
                                handBack.Add(delivery);
                            }
                        }
                    }

                    if (handBack.Count > 0)
                    {
                        await store.DeferAsync(handBack, CancellationToken.None);
                    }

                    await StartWaitingAsync(stoppingToken);
                    claimedFull = claimed.Count == Math.Min(room, settings.BatchSize);
                }

                if (!claimedFull)
                {
                    await signals.Deliveries.WaitAsync(settings.PollInterval, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (DbException ex)
            {
                Log.ClaimFailed(logger, ex);
                await DelayQuietlyAsync(settings.PollInterval, stoppingToken);
            }
        }

        await HandBackWaitingAsync();
        Task[] running;
        lock (inFlightGate)
        {
            running = [.. inFlight];
        }

        await Task.WhenAll(running);
    }

    private async Task RunAsync(ClaimedDelivery delivery, IDisposable endpointLease, CancellationToken stoppingToken)
    {
        using var lease = endpointLease;
        try
        {
            await processor.ProcessAsync(delivery, () => FreeEndpointSlot(lease, stoppingToken), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAtShutdownAsync(delivery);
        }
        catch (Exception ex)
        {
            // One delivery's failure must not end the worker; its claim lapses and it is tried again.
            Log.AttemptCrashed(logger, delivery.Id, ex);
        }
    }

    /// <summary>
    /// Starts, oldest first, the waiting deliveries whose endpoints now have room; hands back those that waited longer
    /// than half their lease (an attempt must end well before another worker may take the delivery).
    /// </summary>
    private async Task StartWaitingAsync(CancellationToken stoppingToken)
    {
        var handBack = new List<ClaimedDelivery>();
        StartWaiting(handBack, stoppingToken);
        if (handBack.Count > 0)
        {
            await store.DeferAsync(handBack, CancellationToken.None);
        }
    }

    /// <param name="handBack">Collects the deliveries that waited too long; null leaves them for the worker's loop.</param>
    /// <param name="stoppingToken">The worker's.</param>
    private void StartWaiting(List<ClaimedDelivery>? handBack, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        lock (inFlightGate)
        {
            foreach (var queue in waiting.Values)
            {
                while (queue.TryPeek(out var next))
                {
                    if (now >= next.Delivery.LeaseEnd - (settings.Lease / 2))
                    {
                        if (handBack is null)
                        {
                            break;
                        }

                        handBack.Add(queue.Dequeue().Delivery);
                    }
                    else if (limiter.TryEnter(next.Endpoint, next.Delivery.SubscriptionId, out var lease))
                    {
                        queue.Dequeue();
                        Track(RunAsync(next.Delivery, lease, stoppingToken));
                    }
                    else
                    {
                        foreach (var held in queue.Where(entry => !entry.Counted))
                        {
                            held.Counted = true;
                            counters.DeliveryDeferred();
                        }

                        break;
                    }
                }
            }

            foreach (var endpoint in waiting.Where(entry => entry.Value.Count == 0).Select(entry => entry.Key).ToList())
            {
                waiting.Remove(endpoint);
            }
        }
    }

    /// <summary>The busy endpoints' subscriptions of which a claim's worth or more wait here already.</summary>
    private List<string> SubscriptionsToSkip(int claimCap)
    {
        lock (inFlightGate)
        {
            var full = waiting.Values.Where(queue => queue.Count >= claimCap)
                .SelectMany(queue => queue.Select(entry => entry.Delivery.SubscriptionId))
                .ToHashSet(StringComparer.Ordinal);
            return [.. limiter.BusySubscriptions().Where(full.Contains)];
        }
    }

    /// <summary>At shutdown: the waiting deliveries are handed back in their place, for the next start or another worker.</summary>
    private async Task HandBackWaitingAsync()
    {
        List<ClaimedDelivery> handBack;
        lock (inFlightGate)
        {
            handBack = [.. waiting.Values.SelectMany(queue => queue.Select(entry => entry.Delivery))];
            waiting.Clear();
        }

        if (handBack.Count == 0)
        {
            return;
        }

        try
        {
            await store.DeferAsync(handBack, CancellationToken.None);
        }
        catch (DbException ex)
        {
            // Shutdown goes on; their claims lapse and they are tried again then.
            Log.ReleaseFailed(logger, handBack[0].Id, ex);
        }
    }

    /// <summary>
    /// The endpoint's slot limits requests in flight to it: once the answer is in, the slot is given back (the lease is
    /// disposed once only) while the outcome is stored, and a delivery waiting for it starts at once.
    /// </summary>
    private void FreeEndpointSlot(IDisposable lease, CancellationToken stoppingToken)
    {
        lease.Dispose();
        if (!stoppingToken.IsCancellationRequested)
        {
            StartWaiting(handBack: null, stoppingToken);
        }

        signals.Deliveries.Notify();
    }

    private async Task ReleaseAtShutdownAsync(ClaimedDelivery delivery)
    {
        try
        {
            await store.ReleaseAsync(delivery, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Shutdown goes on; the claim lapses and the delivery is tried again then.
            Log.ReleaseFailed(logger, delivery.Id, ex);
        }
    }

    private void Track(Task task)
    {
        lock (inFlightGate)
        {
            inFlight.Add(task);
        }

        task.ContinueWith(
            finished =>
            {
                lock (inFlightGate)
                {
                    inFlight.Remove(finished);
                }

                // A freed slot may let more due deliveries be claimed.
                signals.Deliveries.Notify();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private int InFlightCount()
    {
        lock (inFlightGate)
        {
            return inFlight.Count;
        }
    }

    private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, time, ct);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    /// <summary>A claimed delivery waiting for a slot of its endpoint; <see cref="Counted"/> once it was counted as deferred.</summary>
    private sealed class WaitingDelivery(ClaimedDelivery delivery, string endpoint)
    {
        public ClaimedDelivery Delivery { get; } = delivery;

        public string Endpoint { get; } = endpoint;

        public bool Counted { get; set; }
    }
}
