using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.Uplink;

namespace SmartHome.Gateway.Health;

/// <summary>The body of <c>GET /healthz</c>.</summary>
internal sealed record GatewayHealthReport(
    string HouseholdId,
    string GatewayId,
    Guid BootId,
    string Version,
    UplinkHealth Uplink,
    OutboxHealth Outbox,
    ApplianceLinkHealth ApplianceLink,
    NotificationCounters Notifications);

internal sealed record UplinkHealth(
    UplinkState State,
    DateTimeOffset Since,
    DateTimeOffset? ConnectedSince,
    long Reconnects,
    long FailedAttempts,
    string? LastError,
    long PublishedEnvelopes,
    long PublishedRecords,
    long HistoricalEnvelopes,
    long RefusedPublishes,
    long PublishesWithoutSubscribers);

internal sealed record OutboxHealth(
    long PendingEnvelopes,
    long PendingRecords,
    double OldestPendingAgeSeconds,
    long BytesWritten,
    long BytesOnDisk,
    long MaxBytes,
    long OverMaxBytes,
    long CorruptFramesSkipped,
    long LastSeq,
    long AckedSeq,
    EvictionCounts Evictions);

internal sealed record ApplianceLinkHealth(string? Mode, string? Endpoint, long Accepted, IReadOnlyDictionary<string, long> Rejected);
