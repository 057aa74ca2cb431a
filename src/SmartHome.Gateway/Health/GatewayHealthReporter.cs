using SmartHome.Gateway.ApplianceLink;
using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.Uplink;

namespace SmartHome.Gateway.Health;

/// <summary>Gathers the counters and the state of every component into one <see cref="GatewayHealthReport"/>.</summary>
internal sealed class GatewayHealthReporter(
    GatewayIdentity identity, GatewayMetrics metrics, DurableOutbox outbox, UplinkConnectivity connectivity, ApplianceLinkService applianceLink)
{
    public GatewayHealthReport Build()
    {
        var counters = metrics.Snapshot();
        var uplink = connectivity.Current;
        var outboxStatus = outbox.GetStatus();
        var link = applianceLink.Link;
        return new(
            identity.HouseholdId,
            identity.GatewayId,
            identity.BootId,
            identity.Version,
            new(
                uplink.State,
                uplink.Since,
                uplink.ConnectedSince,
                uplink.Reconnects,
                uplink.FailedAttempts,
                uplink.LastError,
                counters.EnvelopesPublished,
                counters.RecordsPublished,
                counters.HistoricalEnvelopesPublished,
                counters.PublishesRefused,
                counters.PublishesWithoutSubscribers),
            new(
                outboxStatus.PendingEnvelopes,
                outboxStatus.PendingRecords,
                Math.Round(outboxStatus.OldestPendingAgeSeconds, 3),
                counters.BytesWritten,
                outboxStatus.BytesOnDisk,
                outboxStatus.MaxBytes,
                counters.OverMaxBytes,
                counters.CorruptFramesSkipped,
                outboxStatus.LastSeq,
                outboxStatus.AckedSeq,
                outboxStatus.Evicted),
            new(link?.Mode, link?.Endpoint, counters.MessagesAccepted, counters.MessagesRejected),
            counters.Notifications);
    }
}
