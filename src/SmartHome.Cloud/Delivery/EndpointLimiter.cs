using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Options;

namespace SmartHome.Cloud.Delivery;

/// <summary>
/// Per endpoint, caps the deliveries in flight (<see cref="DeliveryWorkerOptions.MaxInFlightPerEndpoint"/>) and their
/// rate (a token bucket of <see cref="DeliveryWorkerOptions.BurstPerEndpoint"/> tokens refilled at
/// <see cref="DeliveryWorkerOptions.RatePerEndpoint"/> a second, on the <see cref="TimeProvider"/> so tests can drive it;
/// System.Threading.RateLimiting's buckets run on their own clock). Nobody waits here: a delivery whose endpoint has no
/// room is handed back and its subscription skipped by the claims until the endpoint has room, so one busy endpoint
/// never holds the worker's slots that others need.
/// </summary>
internal sealed class EndpointLimiter(IOptions<DeliveryWorkerOptions> options, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Endpoint> endpoints = new(StringComparer.Ordinal);

    /// <summary>Takes a slot and a token of the endpoint: true with the <paramref name="lease"/> to dispose when the attempt ends.</summary>
    public bool TryEnter(string endpoint, string subscriptionId, [NotNullWhen(true)] out IDisposable? lease)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!endpoints.TryGetValue(endpoint, out var state))
            {
                state = new Endpoint(settings.BurstPerEndpoint, now);
                endpoints.Add(endpoint, state);
            }

            state.Subscriptions.Add(subscriptionId);
            state.Refill(now, settings);
            if (state.InFlight >= settings.MaxInFlightPerEndpoint || state.Tokens < 1)
            {
                lease = null;
                return false;
            }

            state.Tokens--;
            state.InFlight++;
            lease = new Lease(this, state);
            return true;
        }
    }

    /// <summary>The subscriptions whose endpoints have no free slot or no token now: the next claim skips them.</summary>
    public IReadOnlyCollection<string> BusySubscriptions()
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var busy = new List<string>();
        lock (gate)
        {
            foreach (var state in endpoints.Values)
            {
                state.Refill(now, settings);
                if (state.InFlight >= settings.MaxInFlightPerEndpoint || state.Tokens < 1)
                {
                    busy.AddRange(state.Subscriptions);
                }
            }
        }

        return busy;
    }

    /// <summary>Webhooks share limits per origin (scheme, host, port); MQTT deliveries per partner topic.</summary>
    public static string KeyOf(string? webhookUrl, string partnerId) =>
        webhookUrl is not null && Uri.TryCreate(webhookUrl, UriKind.Absolute, out var url)
            ? url.GetLeftPart(UriPartial.Authority)
            : "mqtt:" + partnerId;

    private void Leave(Endpoint state)
    {
        lock (gate)
        {
            state.InFlight--;
        }
    }

    private sealed class Endpoint(double tokens, DateTimeOffset refilledAt)
    {
        public HashSet<string> Subscriptions { get; } = new(StringComparer.Ordinal);

        public int InFlight { get; set; }

        public double Tokens { get; set; } = tokens;

        public void Refill(DateTimeOffset now, DeliveryWorkerOptions settings)
        {
            if (now > refilledAt)
            {
                Tokens = Math.Min(settings.BurstPerEndpoint, Tokens + ((now - refilledAt).TotalSeconds * settings.RatePerEndpoint));
                refilledAt = now;
            }
        }
    }

    private sealed class Lease(EndpointLimiter limiter, Endpoint state) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                limiter.Leave(state);
            }
        }
    }
}
