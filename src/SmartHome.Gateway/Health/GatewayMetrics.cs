using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SmartHome.Gateway.Outbox;

namespace SmartHome.Gateway.Health;

/// <summary>
/// Every counter of the gateway, in one place: read by <c>/healthz</c> through <see cref="Snapshot"/> and exported
/// as the <see cref="MeterName"/> meter. Gauges of other components are observed through the Observe methods.
/// </summary>
internal sealed class GatewayMetrics
{
    public const string MeterName = "SmartHome.Gateway";

    private readonly Meter _meter;
    private readonly Counter<long> _messagesAccepted;
    private readonly Counter<long> _messagesRejected;
    private readonly Counter<long> _envelopesWritten;
    private readonly Counter<long> _bytesWritten;
    private readonly Counter<long> _overMaxBytes;
    private readonly Counter<long> _evicted;
    private readonly Counter<long> _envelopesPublished;
    private readonly Counter<long> _recordsPublished;
    private readonly Counter<long> _reconnects;
    private readonly ConcurrentDictionary<string, long> _rejectedByCode = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _notificationsRejectedByCode = new(StringComparer.Ordinal);

    private long _accepted;
    private long _envelopesWrittenTotal;
    private long _recordsWrittenTotal;
    private long _bytesWrittenTotal;
    private long _overMaxBytesTotal;
    private long _corruptFramesSkipped;
    private long _publishedEnvelopesTotal;
    private long _publishedRecordsTotal;
    private long _historicalEnvelopesTotal;
    private long _publishesRefused;
    private long _publishesWithoutSubscribers;
    private long _reconnectsTotal;
    private long _notificationsAccepted;
    private long _notificationDuplicates;
    private long _notificationsToHomeAssistant;
    private long _notificationsDroppedForHomeAssistant;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _messagesAccepted = _meter.CreateCounter<long>("smarthome.gateway.appliance.messages_accepted", "{message}");
        _messagesRejected = _meter.CreateCounter<long>("smarthome.gateway.appliance.messages_rejected", "{message}");
        _envelopesWritten = _meter.CreateCounter<long>("smarthome.gateway.outbox.envelopes_written", "{envelope}");
        _bytesWritten = _meter.CreateCounter<long>("smarthome.gateway.outbox.bytes_written", "By");
        _overMaxBytes = _meter.CreateCounter<long>("smarthome.gateway.outbox.over_max_bytes", "{write}");
        _evicted = _meter.CreateCounter<long>("smarthome.gateway.outbox.evicted", "{reading}", "Readings the outbox's bounds evicted, by eviction (temperature_rolled_up, temperature_dropped, other_dropped, age_expired)");
        _envelopesPublished = _meter.CreateCounter<long>("smarthome.gateway.uplink.envelopes_published", "{envelope}");
        _recordsPublished = _meter.CreateCounter<long>("smarthome.gateway.uplink.records_published", "{record}");
        _reconnects = _meter.CreateCounter<long>("smarthome.gateway.uplink.reconnects", "{connection}");
    }

    public void ApplianceMessageAccepted()
    {
        Interlocked.Increment(ref _accepted);
        _messagesAccepted.Add(1);
    }

    public void ApplianceMessageRejected(string code)
    {
        _rejectedByCode.AddOrUpdate(code, 1, static (_, count) => count + 1);
        _messagesRejected.Add(1, new KeyValuePair<string, object?>("code", code));
    }

    public void EnvelopesWritten(int envelopes, int records, long bytes)
    {
        Interlocked.Add(ref _envelopesWrittenTotal, envelopes);
        Interlocked.Add(ref _recordsWrittenTotal, records);
        Interlocked.Add(ref _bytesWrittenTotal, bytes);
        _envelopesWritten.Add(envelopes);
        _bytesWritten.Add(bytes);
    }

    public void OutboxOverMaxBytes()
    {
        Interlocked.Increment(ref _overMaxBytesTotal);
        _overMaxBytes.Add(1);
    }

    public void OutboxEvicted(EvictionCounts evicted)
    {
        Add("temperature_rolled_up", evicted.TemperatureRolledUp);
        Add("temperature_dropped", evicted.TemperatureDropped);
        Add("other_dropped", evicted.OtherDropped);
        Add("age_expired", evicted.AgeExpired);

        void Add(string eviction, long readings)
        {
            if (readings > 0)
            {
                _evicted.Add(readings, new KeyValuePair<string, object?>("eviction", eviction));
            }
        }
    }

    public void CorruptFramesSkipped(int frames) => Interlocked.Add(ref _corruptFramesSkipped, frames);

    public void EnvelopePublished(int records, bool historical)
    {
        Interlocked.Increment(ref _publishedEnvelopesTotal);
        Interlocked.Add(ref _publishedRecordsTotal, records);
        if (historical)
        {
            Interlocked.Increment(ref _historicalEnvelopesTotal);
        }

        _envelopesPublished.Add(1, new KeyValuePair<string, object?>("historical", historical));
        _recordsPublished.Add(records);
    }

    public void PublishWithoutSubscribers() => Interlocked.Increment(ref _publishesWithoutSubscribers);

    public void PublishRefused() => Interlocked.Increment(ref _publishesRefused);

    public void UplinkReconnected()
    {
        Interlocked.Increment(ref _reconnectsTotal);
        _reconnects.Add(1);
    }

    public void NotificationAccepted() => Interlocked.Increment(ref _notificationsAccepted);

    public void NotificationDuplicate() => Interlocked.Increment(ref _notificationDuplicates);

    public void NotificationRejected(string code) => _notificationsRejectedByCode.AddOrUpdate(code, 1, static (_, count) => count + 1);

    public void NotificationPublishedToHomeAssistant() => Interlocked.Increment(ref _notificationsToHomeAssistant);

    public void NotificationDroppedForHomeAssistant() => Interlocked.Increment(ref _notificationsDroppedForHomeAssistant);

    public void ObserveOutbox(Func<long> pendingEnvelopes, Func<long> pendingRecords, Func<double> oldestPendingAgeSeconds)
    {
        _meter.CreateObservableGauge("smarthome.gateway.outbox.pending_envelopes", pendingEnvelopes, "{envelope}");
        _meter.CreateObservableGauge("smarthome.gateway.outbox.pending_records", pendingRecords, "{record}");
        _meter.CreateObservableGauge("smarthome.gateway.outbox.oldest_pending_age", oldestPendingAgeSeconds, "s");
    }

    public void ObserveUplinkConnected(Func<int> connected) =>
        _meter.CreateObservableGauge("smarthome.gateway.uplink.connected", connected, "{connection}");

    public GatewayCounters Snapshot() => new(
        Interlocked.Read(ref _accepted),
        new SortedDictionary<string, long>(_rejectedByCode, StringComparer.Ordinal),
        Interlocked.Read(ref _envelopesWrittenTotal),
        Interlocked.Read(ref _recordsWrittenTotal),
        Interlocked.Read(ref _bytesWrittenTotal),
        Interlocked.Read(ref _overMaxBytesTotal),
        Interlocked.Read(ref _corruptFramesSkipped),
        Interlocked.Read(ref _publishedEnvelopesTotal),
        Interlocked.Read(ref _publishedRecordsTotal),
        Interlocked.Read(ref _historicalEnvelopesTotal),
        Interlocked.Read(ref _publishesWithoutSubscribers),
        Interlocked.Read(ref _publishesRefused),
        Interlocked.Read(ref _reconnectsTotal),
        new(
            Interlocked.Read(ref _notificationsAccepted),
            Interlocked.Read(ref _notificationDuplicates),
            new SortedDictionary<string, long>(_notificationsRejectedByCode, StringComparer.Ordinal),
            Interlocked.Read(ref _notificationsToHomeAssistant),
            Interlocked.Read(ref _notificationsDroppedForHomeAssistant)));
}

/// <summary>A point-in-time copy of <see cref="GatewayMetrics"/>.</summary>
internal sealed record GatewayCounters(
    long MessagesAccepted,
    IReadOnlyDictionary<string, long> MessagesRejected,
    long EnvelopesWritten,
    long RecordsWritten,
    long BytesWritten,
    long OverMaxBytes,
    long CorruptFramesSkipped,
    long EnvelopesPublished,
    long RecordsPublished,
    long HistoricalEnvelopesPublished,
    long PublishesWithoutSubscribers,
    long PublishesRefused,
    long Reconnects,
    NotificationCounters Notifications);

/// <summary>
/// The household notifications the uplink received: passed on, dropped as duplicates, dropped as bad (by code), then
/// published to Home Assistant or dropped because too many waited for its broker.
/// </summary>
internal sealed record NotificationCounters(
    long Accepted, long Duplicates, IReadOnlyDictionary<string, long> Rejected, long PublishedToHomeAssistant, long DroppedForHomeAssistant);
