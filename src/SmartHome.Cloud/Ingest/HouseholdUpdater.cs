using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Cloud.Health;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Ingest;

/// <summary>Changes a household through the store, then counts what came of it and wakes the outbox workers.</summary>
internal sealed class HouseholdUpdater(HouseholdStore store, CloudCounters counters, OutboxSignals signals)
{
    public async Task<HouseholdChangeResult> ChangeAsync(
        string householdId, EnvelopeKey? envelope, Func<HouseholdTwin, IReadOnlyList<NeedEvent>> change, CancellationToken ct)
    {
        var result = await store.ChangeAsync(householdId, envelope, change, ct);
        counters.Raised(result.EventsRaised, result.NotificationsQueued, result.DeliveriesQueued);
        if (result.NotificationsQueued > 0)
        {
            signals.Notifications.Notify();
        }

        if (result.DeliveriesQueued > 0)
        {
            signals.Deliveries.Notify();
        }

        return result;
    }
}
