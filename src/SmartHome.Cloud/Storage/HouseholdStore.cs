using System.Data;
using System.Data.Common;
using System.Text.Json;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Notifications;
using SmartHome.Cloud.Core.Serialization;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Storage;

/// <summary>
/// Household twins and what changing one produces. A change is one transaction: the envelope's dedupe mark, the
/// twin, its new need events, the householder notifications <see cref="NotificationPolicy"/> makes of them (in the
/// household's time zone, each with its release time; expiring food in the daily digest, once due) and one delivery
/// per matching subscription of a partner the household consented to for the event's type (checked again at delivery).
/// The twin's version column makes concurrent changes of one household retry rather than overwrite each other.
/// </summary>
internal sealed class HouseholdStore(IStoreProvider provider, TimeProvider time, ILogger<HouseholdStore> logger)
{
    private const int MaxAttempts = 8;
    private readonly TwinCache cache = new();

    /// <param name="householdId">The household to change; its twin is created empty on first use.</param>
    /// <param name="envelope">The envelope this change comes from; a second change with the same key does nothing.</param>
    /// <param name="change">Mutates the twin and returns the events that raised; it may run more than once (on a conflict), each time on a fresh twin.</param>
    /// <param name="ct">Cancels the change; nothing of it is stored then.</param>
    public async Task<HouseholdChangeResult> ChangeAsync(
        string householdId, EnvelopeKey? envelope, Func<HouseholdTwin, IReadOnlyList<NeedEvent>> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await provider.OpenAsync(ct);
            await using var transaction = await provider.BeginWriteAsync(connection, ct);
            if (envelope is { } key && await MarkProcessedAsync(connection, transaction, householdId, key, ct) is { } earlier)
            {
                return earlier;
            }

            var (twin, version, originalJson) = await LoadAsync(connection, transaction, householdId, ct);
            var events = change(twin);
            var newEvents = await InsertEventsAsync(connection, transaction, events, ct);
            var plan = NotificationPolicy.Apply(twin, newEvents, time.GetUtcNow());
            var json = TwinSerializer.Serialize(twin);
            if (events.Count == 0 && json == originalJson && envelope is null)
            {
                cache.Put(householdId, new(twin, version, json));
                return HouseholdChangeResult.NoEvents;
            }

            if (!await SaveAsync(connection, transaction, householdId, json, version, ct))
            {
                await transaction.RollbackAsync(ct);
                if (attempt == MaxAttempts)
                {
                    throw new DBConcurrencyException($"household {householdId} kept changing concurrently; gave up after {MaxAttempts} attempts");
                }

                Log.HouseholdVersionConflict(logger, householdId, attempt);
                continue;
            }

            var result = await AddDeliveriesAsync(connection, transaction, householdId, newEvents, ct);
            foreach (var planned in plan.ToStore)
            {
                if (await InsertNotificationAsync(connection, transaction, planned, ct))
                {
                    result = result with { NotificationsQueued = result.NotificationsQueued + 1 };
                }
            }

            await transaction.CommitAsync(ct);
            foreach (var repeat in plan.Repeats)
            {
                Log.NotificationRepeatSuppressed(logger, householdId, repeat.Type, repeat.Subject, twin.Settings.Notifications.RepeatWindow);
            }

            result = result with { NotificationRepeatsSuppressed = plan.Repeats.Count };
            cache.Put(householdId, new(twin, version + 1, json));
            return result;
        }
    }

    public async Task<HouseholdTwin?> FindTwinAsync(string householdId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("SELECT twin_json FROM households WHERE id = @id").With("@id", householdId);
        return await command.ExecuteScalarAsync(ct) is string json ? TwinSerializer.Deserialize(json) : null;
    }

    public async Task<IReadOnlyList<string>> ListHouseholdIdsAsync(CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("SELECT id FROM households ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <returns>Null when the envelope is new; else a duplicate (the same message again) or a replay (the seq reused by another message).</returns>
    private async Task<HouseholdChangeResult?> MarkProcessedAsync(
        DbConnection connection, DbTransaction transaction, string householdId, EnvelopeKey key, CancellationToken ct)
    {
        var messageId = key.MessageId.ToString();
        await using var insert = connection.Command("""
            INSERT INTO processed_envelopes (household_id, gateway_id, seq, message_id, processed_at)
            VALUES (@household, @gateway, @seq, @message, @now)
            ON CONFLICT DO NOTHING
            """, transaction)
            .With("@household", householdId).With("@gateway", key.GatewayId).With("@seq", key.Seq)
            .With("@message", messageId).With("@now", Now());
        if (await insert.ExecuteNonQueryAsync(ct) == 1)
        {
            return null;
        }

        await using var select = connection.Command(
            "SELECT message_id FROM processed_envelopes WHERE household_id = @household AND gateway_id = @gateway AND seq = @seq", transaction)
            .With("@household", householdId).With("@gateway", key.GatewayId).With("@seq", key.Seq);
        return await select.ExecuteScalarAsync(ct) as string == messageId ? HouseholdChangeResult.Duplicate : HouseholdChangeResult.Replay;
    }

    private async Task<(HouseholdTwin Twin, long Version, string? Json)> LoadAsync(
        DbConnection connection, DbTransaction transaction, string householdId, CancellationToken ct)
    {
        await using (var versionCommand = connection.Command("SELECT version FROM households WHERE id = @id", transaction).With("@id", householdId))
        {
            if (await versionCommand.ExecuteScalarAsync(ct) is long version && cache.Take(householdId, version) is { } cached)
            {
                return (cached.Twin, cached.Version, cached.Json);
            }
        }

        await using var command = connection.Command("SELECT twin_json, version FROM households WHERE id = @id", transaction)
            .With("@id", householdId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return (new HouseholdTwin { HouseholdId = householdId }, 0, null);
        }

        var json = reader.GetString(0);
        return (TwinSerializer.Deserialize(json), reader.GetInt64(1), json);
    }

    private async Task<bool> SaveAsync(DbConnection connection, DbTransaction transaction, string householdId, string json, long version, CancellationToken ct)
    {
        var sql = version == 0
            ? "INSERT INTO households (id, twin_json, version, updated_at) VALUES (@id, @json, 1, @now) ON CONFLICT DO NOTHING"
            : "UPDATE households SET twin_json = @json, version = version + 1, updated_at = @now WHERE id = @id AND version = @version";
        await using var command = connection.Command(sql, transaction)
            .With("@id", householdId).With("@json", json).With("@now", Now()).With("@version", version);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <returns>The events not stored before (a change may raise one again, e.g. on a replay).</returns>
    private async Task<IReadOnlyList<NeedEvent>> InsertEventsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<NeedEvent> events, CancellationToken ct)
    {
        var inserted = new List<NeedEvent>(events.Count);
        foreach (var needEvent in events)
        {
            if (await InsertEventAsync(connection, transaction, needEvent, ct))
            {
                inserted.Add(needEvent);
            }
        }

        return inserted;
    }

    private async Task<HouseholdChangeResult> AddDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, string householdId, IReadOnlyList<NeedEvent> newEvents, CancellationToken ct)
    {
        var result = HouseholdChangeResult.NoEvents with { EventsRaised = newEvents.Count };
        IReadOnlyList<ConsentedSubscription>? subscriptions = null;
        foreach (var needEvent in newEvents)
        {
            subscriptions ??= await LoadConsentedSubscriptionsAsync(connection, transaction, householdId, ct);
            foreach (var subscription in subscriptions.Where(s => s.Wants(needEvent)))
            {
                var deliveryId = await InsertDeliveryAsync(connection, transaction, needEvent, subscription, ct);
                await SupersedeQueuedAsync(connection, transaction, needEvent, subscription.Id, deliveryId, ct);
                result = result with { DeliveriesQueued = result.DeliveriesQueued + 1 };
            }
        }

        return result;
    }

    private async Task<bool> InsertEventAsync(DbConnection connection, DbTransaction transaction, NeedEvent needEvent, CancellationToken ct)
    {
        await using var command = connection.Command("""
            INSERT INTO events (id, household_id, type, subject, time, data_json, created_at)
            VALUES (@id, @household, @type, @subject, @time, @data, @now)
            ON CONFLICT DO NOTHING
            """, transaction)
            .With("@id", needEvent.Id).With("@household", needEvent.HouseholdId).With("@type", needEvent.Type)
            .With("@subject", needEvent.Subject).With("@time", needEvent.Time.ToString("O"))
            .With("@data", needEvent.Data.GetRawText()).With("@now", Now());
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private async Task<bool> InsertNotificationAsync(DbConnection connection, DbTransaction transaction, PlannedNotification planned, CancellationToken ct)
    {
        var notification = planned.Notification;
        await using var command = connection.Command("""
            INSERT INTO notifications (id, household_id, event_id, json, created_at, published_at, release_at)
            VALUES (@id, @household, @event, @json, @now, NULL, @release)
            ON CONFLICT DO NOTHING
            """, transaction)
            .With("@id", notification.Id.ToString()).With("@household", notification.HouseholdId).With("@event", notification.EventId)
            .With("@json", JsonSerializer.Serialize(notification, ContractsJsonContext.Default.HouseholdNotification)).With("@now", Now())
            .With("@release", planned.ReleaseAt?.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// The active and disabled subscriptions of the partners this household gave any consent, with the consented types
    /// and their attribute filters (a disabled one's deliveries are held when claimed, kept for when the partner enables
    /// it again).
    /// </summary>
    private static async Task<IReadOnlyList<ConsentedSubscription>> LoadConsentedSubscriptionsAsync(
        DbConnection connection, DbTransaction transaction, string householdId, CancellationToken ct)
    {
        await using var command = connection.Command("""
            SELECT s.id, s.partner_id, s.types_json, c.types_json, s.filter_json
            FROM subscriptions s JOIN consents c ON c.partner_id = s.partner_id AND c.household_id = @household
            WHERE s.status IN (@active, @disabled)
            """, transaction)
            .With("@household", householdId).With("@active", SubscriptionStatus.Active).With("@disabled", SubscriptionStatus.Disabled);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var subscriptions = new List<ConsentedSubscription>();
        while (await reader.ReadAsync(ct))
        {
            subscriptions.Add(new(
                reader.GetString(0), reader.GetString(1), StoreJsonContext.TypesFrom(reader.GetString(2)), StoreJsonContext.TypesFrom(reader.GetString(3)),
                StoreJsonContext.FilterFrom(reader.GetNullableString(4))));
        }

        return subscriptions;
    }

    /// <summary>Queues the event for the subscription; the row carries the event's subject so the worker keeps each subject's deliveries in order.</summary>
    private async Task<string> InsertDeliveryAsync(DbConnection connection, DbTransaction transaction, NeedEvent needEvent, ConsentedSubscription subscription, CancellationToken ct)
    {
        var now = Now();
        var id = Guid.CreateVersion7().ToString("N");
        await using var command = connection.Command("""
            INSERT INTO deliveries (id, event_id, subscription_id, partner_id, status, attempts, next_attempt_at, created_at, updated_at, subject)
            VALUES (@id, @event, @subscription, @partner, @pending, 0, @now, @now, @now, @subject)
            ON CONFLICT DO NOTHING
            """, transaction)
            .With("@id", id).With("@event", needEvent.Id).With("@subscription", subscription.Id)
            .With("@subject", needEvent.Subject)
            .With("@partner", subscription.PartnerId).With("@pending", DeliveryStatus.Pending).With("@now", now);
        await command.ExecuteNonQueryAsync(ct);
        return id;
    }

    /// <summary>
    /// Marks the subscription's deliveries about the same subject that the new event makes pointless (see
    /// <see cref="NeedEventCollapse"/>) <c>superseded</c>, unless an attempt holds them now: the worker judges those at
    /// their turn. So the new one need not wait behind them for their retries.
    /// </summary>
    private async Task SupersedeQueuedAsync(
        DbConnection connection, DbTransaction transaction, NeedEvent needEvent, string subscriptionId, string deliveryId, CancellationToken ct)
    {
        var olderTypes = NeedEventCollapse.Supersedes(needEvent.Type);
        if (needEvent.Subject is null || olderTypes.Count == 0)
        {
            return;
        }

        await using var command = connection.Command($"""
            UPDATE deliveries SET status = @superseded, last_error = @reason, updated_at = @now
            WHERE subscription_id = @subscription AND subject = @subject AND id <> @id AND claim_token IS NULL AND {QueuedDeliveries.IsQueued}
              AND event_id IN (SELECT id FROM events WHERE type IN ({Sql.ListOf("@type", olderTypes.Count)}))
            """, transaction)
            .With("@superseded", DeliveryStatus.Superseded).With("@reason", QueuedDeliveries.SupersededBy(deliveryId)).With("@now", Now())
            .With("@subscription", subscriptionId).With("@subject", needEvent.Subject).With("@id", deliveryId).WithQueued()
            .WithList("@type", olderTypes);

        await command.ExecuteNonQueryAsync(ct);
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed record ConsentedSubscription(string Id, string PartnerId, string[] Types, string[] ConsentedTypes, Dictionary<string, string[]>? Filter)
    {
        public bool Wants(NeedEvent needEvent) =>
            EventTypePattern.MatchesAny(Types, needEvent.Type)
            && EventTypePattern.MatchesAny(ConsentedTypes, needEvent.Type)
            && EventDataFilter.Matches(Filter, needEvent.Type, needEvent.Data);
    }
}

/// <summary>Identifies an envelope for deduplication: per household and gateway, its sequence number.</summary>
internal readonly record struct EnvelopeKey(string GatewayId, long Seq, Guid MessageId);

/// <summary>
/// What a change stored. <see cref="IsDuplicate"/>: the envelope's (gateway, seq) was processed before, nothing changed;
/// <see cref="IsReplay"/>: such a duplicate under another message id (a gateway reusing seqs, or a forgery).
/// </summary>
internal sealed record HouseholdChangeResult(bool IsDuplicate, bool IsReplay, int EventsRaised, int NotificationsQueued, int DeliveriesQueued)
{
    /// <summary>Notifications not made because the same news was told within the household's repeat window.</summary>
    public int NotificationRepeatsSuppressed { get; init; }

    public static HouseholdChangeResult Duplicate { get; } = new(true, false, 0, 0, 0);
    public static HouseholdChangeResult Replay { get; } = new(true, true, 0, 0, 0);
    public static HouseholdChangeResult NoEvents { get; } = new(false, false, 0, 0, 0);
}
