using Microsoft.Extensions.Options;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Cloud.Health;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Ingest;

/// <summary>Changes a household through the store, then counts what came of it and wakes the outbox workers.</summary>
internal sealed class HouseholdUpdater(
    HouseholdStore store, CloudCounters counters, OutboxSignals signals, IOptions<CoreOptions> options, ILogger<HouseholdUpdater> logger)
{
    public async Task<HouseholdChangeResult> ChangeAsync(
        string householdId, EnvelopeKey? envelope, Func<HouseholdTwin, IReadOnlyList<NeedEvent>> change, CancellationToken ct)
    {
        // The change may run more than once (a version conflict): only the committed run counts.
        long overdueGaps = 0;
        var result = await store.ChangeAsync(householdId, envelope, twin =>
        {
            var before = OverdueGaps(twin);
            var events = change(twin);
            overdueGaps = OverdueGaps(twin) - before;
            return events;
        }, ct);
        if (result.IsDuplicate)
        {
            return result;
        }

        if (overdueGaps > 0)
        {
            counters.AddGapsOverdue(overdueGaps);
            Log.GapsOverdue(logger, householdId, overdueGaps, options.Value.GapReportAfter);
        }

        counters.Raised(result.EventsRaised, result.NotificationsQueued, result.DeliveriesQueued);
        counters.NotificationRepeatSuppressed(result.NotificationRepeatsSuppressed);
        if (result.NotificationsQueued > 0)
        {
            signals.Notifications.Notify();
            signals.HouseholdWebhooks.Notify();
            signals.NotificationsStored.Raise();
        }

        if (result.DeliveriesQueued > 0)
        {
            signals.Deliveries.Notify();
        }

        return result;
    }

    private static long OverdueGaps(HouseholdTwin twin) => twin.Gateways.Sum(g => g.OverdueGaps);
}
