using System.Data.Common;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Health;
using SmartHome.Cloud.Options;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Delivery;

/// <summary>
/// Works off the delivery outbox: claims due deliveries in small batches and runs each as its own task, at most
/// <see cref="DeliveryWorkerOptions.MaxInFlight"/> at once. Each endpoint's limits (<see cref="EndpointLimiter"/>) are
/// taken before a delivery counts as in flight: one without room is handed back at once, still due and in its place,
/// and the claims skip busy endpoints' subscriptions, so deliveries waiting for one endpoint never occupy the slots
/// that others need. At shutdown it stops claiming, lets running attempts end, and hands back what it had
/// not started.
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
    private readonly HashSet<Task> inFlight = [];
    private readonly Lock inFlightGate = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimedFull = false;
            try
            {
                var room = settings.MaxInFlight - InFlightCount();
                if (room > 0)
                {
                    var claimed = await store.ClaimDueAsync(
                        Math.Min(room, settings.BatchSize), settings.MaxInFlightPerEndpoint, settings.Lease, limiter.BusySubscriptions(), stoppingToken);
                    var deferred = new List<ClaimedDelivery>();
                    foreach (var delivery in claimed)
                    {
                        if (limiter.TryEnter(EndpointLimiter.KeyOf(delivery.WebhookUrl, delivery.PartnerId), delivery.SubscriptionId, out var lease))
                        {
                            Track(RunAsync(delivery, lease, stoppingToken));
                        }
                        else
                        {
                            deferred.Add(delivery);
                            counters.DeliveryDeferred();
                        }
                    }

                    if (deferred.Count > 0)
                    {
                        await store.DeferAsync(deferred, CancellationToken.None);
                    }

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
            await processor.ProcessAsync(delivery, () => FreeEndpointSlot(lease), stoppingToken);
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
    /// The endpoint's slot limits requests in flight to it: once the answer is in, the slot is given back (the lease is
    /// disposed once only) while the outcome is stored, and the next claim may use it at once.
    /// </summary>
    private void FreeEndpointSlot(IDisposable lease)
    {
        lease.Dispose();
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
}
