using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Options;

namespace SmartHome.Cloud.Delivery;

/// <summary>Caps the deliveries in flight to one endpoint, so a slow partner holds only its own slots, never everyone's.</summary>
internal sealed class EndpointLimiter(IOptions<DeliveryWorkerOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> slots = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string endpoint, CancellationToken ct)
    {
        var slot = slots.GetOrAdd(endpoint, _ => new SemaphoreSlim(options.Value.MaxInFlightPerEndpoint));
        await slot.WaitAsync(ct);
        return new Lease(slot);
    }

    /// <summary>Webhooks share a slot per origin (scheme, host, port); MQTT deliveries per partner topic.</summary>
    public static string KeyOf(string? webhookUrl, string partnerId) =>
        webhookUrl is not null && Uri.TryCreate(webhookUrl, UriKind.Absolute, out var url)
            ? url.GetLeftPart(UriPartial.Authority)
            : "mqtt:" + partnerId;

    private sealed class Lease(SemaphoreSlim slot) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slot.Release();
            }
        }
    }
}
