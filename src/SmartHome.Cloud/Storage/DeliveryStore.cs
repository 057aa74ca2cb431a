using System.Data.Common;
using System.Text.Json;
using SmartHome.Cloud.Apis;
using SmartHome.Cloud.Core.Events;

namespace SmartHome.Cloud.Storage;

/// <summary>
/// The durable delivery outbox. Workers claim due rows by stamping them with a claim token and pushing their
/// next attempt past a lease, in one statement whose conditions are re-checked per row, so two workers (or two
/// replicas) never take the same delivery, and a worker that dies only delays its claims until the lease ends.
/// A delivery is not claimed while an older one of the same subscription about the same subject is still queued or
/// retrying (in the order they were queued: SQLite's rowid), so retries never reorder a subject's events; deliveries
/// without a subject, of other subjects and of other subscriptions stay independent.
/// </summary>
internal sealed class DeliveryStore(IStoreProvider provider, TimeProvider time) : IDisposable
{
    /// <summary>
    /// A claim looks at this many times its limit of the oldest due deliveries for ones within the per-subscription cap,
    /// rather than at all due ones (a long backlog would make every claim read all of it). A subscription whose backlog
    /// fills that window is skipped by the next claims while its endpoint is busy, so the others still come in turn.
    /// </summary>
    private const int ClaimScanFactor = 8;

    /// <summary>
    /// The worker's claims, hand-backs and outcomes take turns here rather than meeting at SQLite's write lock, where a
    /// writer that finds it taken polls with sleeps of up to 100 ms: here the next starts the moment the last commits.
    /// </summary>
    private readonly SemaphoreSlim hotWrites = new(1, 1);

    /// <summary>
    /// Claims up to <paramref name="limit"/> due deliveries, at most <paramref name="perSubscription"/> of one subscription
    /// (more could not start at once: its endpoint's slots are fewer, and each one handed back would cost a write), none
    /// of the subscriptions in <paramref name="skip"/> (their endpoints are busy).
    /// </summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(
        int limit, int perSubscription, TimeSpan lease, IReadOnlyCollection<string> skip, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(skip);
        var now = time.GetUtcNow();
        var leaseEnd = now + lease;
        var token = Guid.NewGuid().ToString("N");
        await using var connection = await provider.OpenAsync(ct);
        await hotWrites.WaitAsync(ct);
        try
        {
            await using (var transaction = await provider.BeginWriteAsync(connection, ct))
            {
                var skipped = skip.Count == 0 ? string.Empty
                    : $" AND subscription_id NOT IN ({Sql.ListOf("@skip", skip.Count)})";
                await using var claim = connection.Command($"""
                    UPDATE deliveries SET claim_token = @token, next_attempt_at = @leaseEnd, updated_at = @now
                    WHERE id IN (
                        SELECT id FROM (
                            SELECT c.id, c.next_attempt_at,
                                   ROW_NUMBER() OVER (PARTITION BY c.subscription_id ORDER BY c.next_attempt_at, c.id) AS nth
                            FROM (
                                SELECT d.id, d.subscription_id, d.next_attempt_at FROM deliveries d
                                WHERE d.status IN (@pending, @failed) AND d.next_attempt_at <= @now{skipped}
                                  AND NOT EXISTS (
                                      SELECT 1 FROM deliveries o
                                      WHERE o.subscription_id = d.subscription_id AND o.subject = d.subject
                                        AND o.status IN (@pending, @failed) AND o.rowid < d.rowid)
                                ORDER BY d.next_attempt_at, d.id
                                LIMIT @scan) c)
                        WHERE nth <= @perSubscription
                        ORDER BY next_attempt_at, id
                        LIMIT @limit)
                      AND status IN (@pending, @failed) AND next_attempt_at <= @now
                    """, transaction)
                    .WithList("@skip", [.. skip])
                    .With("@token", token).With("@leaseEnd", leaseEnd.ToUnixTimeMilliseconds()).With("@now", now.ToUnixTimeMilliseconds())
                    .With("@pending", DeliveryStatus.Pending).With("@failed", DeliveryStatus.Failed).With("@limit", limit)
                    .With("@perSubscription", perSubscription).With("@scan", limit * ClaimScanFactor);
                if (await claim.ExecuteNonQueryAsync(ct) == 0)
                {
                    return [];
                }

                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            hotWrites.Release();
        }

        await using var select = connection.Command("""
            SELECT d.id, d.attempts, d.subscription_id, d.partner_id, s.webhook_url, s.secret, s.mqtt,
                   e.id, e.type, e.household_id, e.subject, e.time, e.data_json, s.previous_secret, s.previous_secret_expires_at,
                   d.failures, s.failing_since, p.kind
            FROM deliveries d
            JOIN subscriptions s ON s.id = d.subscription_id
            JOIN events e ON e.id = d.event_id
            JOIN partners p ON p.id = d.partner_id
            WHERE d.claim_token = @token
            ORDER BY d.next_attempt_at, d.id
            """).With("@token", token);
        await using var reader = await select.ExecuteReaderAsync(ct);
        var claimed = new List<ClaimedDelivery>();
        while (await reader.ReadAsync(ct))
        {
            claimed.Add(new ClaimedDelivery(
                reader.GetString(0), token, leaseEnd, reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                reader.GetNullableString(4), reader.GetString(5), reader.GetBoolean(6), ReadEvent(reader, 7), reader.GetString(17))
            {
                PreviousSecret = reader.GetNullableString(13),
                PreviousSecretExpiresAt = reader.IsDBNull(14) ? null : Sql.FromUnixMs(reader.GetInt64(14)),
                Failures = reader.GetInt32(15),
                FailingSince = reader.IsDBNull(16) ? null : Sql.FromUnixMs(reader.GetInt64(16)),
            });
        }

        return claimed;
    }

    /// <summary>
    /// Records attempts' outcomes and the attempts themselves (in <c>delivery_attempts</c>) in one transaction (one commit,
    /// one fsync for them all), and keeps each subscription's <c>failing_since</c>: cleared by a success, else the start of
    /// the first attempt since the last one. Answers, in order, false for an attempt whose claim this worker no longer
    /// held (it lapsed and another took the delivery): nothing of it is recorded. Nothing at all is if the transaction fails.
    /// A delivery cancelled while its attempt was under way (consent revoked, subscription deleted) stays cancelled unless
    /// the attempt delivered it: failed or held, it would be tried again and sent if consent were given again meanwhile.
    /// </summary>
    public async Task<IReadOnlyList<bool>> RecordAttemptsAsync(IReadOnlyList<RecordedAttempt> attempts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var recorded = new bool[attempts.Count];
        await using var connection = await provider.OpenAsync(ct);
        await hotWrites.WaitAsync(ct);
        try
        {
            await using var transaction = await provider.BeginWriteAsync(connection, ct);
            for (var i = 0; i < attempts.Count; i++)
            {
                recorded[i] = await RecordOneAsync(connection, transaction, attempts[i], ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            hotWrites.Release();
        }

        return recorded;
    }

    private async Task<bool> RecordOneAsync(DbConnection connection, DbTransaction transaction, RecordedAttempt recorded, CancellationToken ct)
    {
        var (delivery, attempt, status, failures, nextAttemptAt) = recorded;
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(attempt);
        await using (var update = connection.Command("""
            UPDATE deliveries
            SET status = CASE WHEN status = @cancelled AND @status <> @delivered THEN status ELSE @status END,
                attempts = @attempts, failures = @failures, next_attempt_at = @next, last_status_code = @code,
                last_error = CASE WHEN status = @cancelled AND @status <> @delivered THEN last_error ELSE @error END,
                claim_token = NULL, updated_at = @now
            WHERE id = @id AND claim_token = @token
            """, transaction)
            .With("@status", status).With("@cancelled", DeliveryStatus.Cancelled).With("@delivered", DeliveryStatus.Delivered)
            .With("@attempts", attempt.Attempt).With("@failures", failures)
            .With("@next", nextAttemptAt.ToUnixTimeMilliseconds()).With("@code", attempt.StatusCode).With("@error", attempt.Error)
            .With("@now", time.GetUtcNow().ToUnixTimeMilliseconds()).With("@id", delivery.Id).With("@token", delivery.ClaimToken))
        {
            if (await update.ExecuteNonQueryAsync(ct) == 0)
            {
                return false;
            }
        }

        await using (var insert = connection.Command("""
            INSERT INTO delivery_attempts (delivery_id, attempt, started_at, latency_ms, outcome, status_code, error)
            VALUES (@id, @attempt, @started, @latency, @outcome, @code, @error)
            """, transaction)
            .With("@id", delivery.Id).With("@attempt", attempt.Attempt).With("@started", attempt.StartedAt.ToUnixTimeMilliseconds())
            .With("@latency", attempt.LatencyMs).With("@outcome", attempt.Outcome).With("@code", attempt.StatusCode).With("@error", attempt.Error))
        {
            await insert.ExecuteNonQueryAsync(ct);
        }

        await using (var health = connection.Command("""
            UPDATE subscriptions
            SET failing_since = CASE WHEN @delivered THEN NULL ELSE COALESCE(failing_since, @started) END
            WHERE id = @subscription
            """, transaction)
            .With("@delivered", attempt.Outcome == AttemptOutcomes.Delivered).With("@started", attempt.StartedAt.ToUnixTimeMilliseconds())
            .With("@subscription", delivery.SubscriptionId))
        {
            await health.ExecuteNonQueryAsync(ct);
        }

        return true;
    }

    /// <summary>Dead without an attempt, for a reason no retry could change; it stays listed and can be redriven.</summary>
    public Task MarkDeadAsync(ClaimedDelivery delivery, string reason, CancellationToken ct) =>
        FinishAttemptAsync(delivery, DeliveryStatus.Dead, delivery.Attempts, time.GetUtcNow(), null, reason, ct);

    public Task MarkCancelledAsync(ClaimedDelivery delivery, string reason, CancellationToken ct) =>
        FinishAttemptAsync(delivery, DeliveryStatus.Cancelled, delivery.Attempts, time.GetUtcNow(), null, reason, ct);

    /// <summary>
    /// Keeps a claimed delivery of a disabled subscription, untried, until the partner enables the subscription. The
    /// subscription's status is read again here: one the partner enabled since the claim has already re-queued its held
    /// deliveries, so this one stays queued, due at once, rather than held with nothing left to release it. One cancelled since the claim (consent revoked, the subscription
    /// deleted) stays cancelled: held, enabling would send it even after a later consent. True when it was held.
    /// </summary>
    public async Task<bool> MarkHeldAsync(ClaimedDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await provider.OpenAsync(ct);
        await using var transaction = await provider.BeginWriteAsync(connection, ct);
        var held = false;
        await using (var subscription = connection.Command("SELECT status FROM subscriptions WHERE id = @id", transaction)
            .With("@id", delivery.SubscriptionId))
        {
            if (await subscription.ExecuteScalarAsync(ct) as string == SubscriptionStatus.Disabled)
            {
                await using var hold = connection.Command("""
                    UPDATE deliveries
                    SET status = @held, next_attempt_at = @now, last_status_code = NULL, last_error = @reason, claim_token = NULL, updated_at = @now
                    WHERE id = @id AND claim_token = @token AND status IN (@pending, @failed)
                    """, transaction)
                    .With("@held", DeliveryStatus.Held).With("@reason", "the subscription is disabled").With("@now", now)
                    .With("@pending", DeliveryStatus.Pending).With("@failed", DeliveryStatus.Failed)
                    .With("@id", delivery.Id).With("@token", delivery.ClaimToken);
                held = await hold.ExecuteNonQueryAsync(ct) == 1;
            }
        }

        if (!held)
        {
            await using var release = connection.Command(GiveBack, transaction)
                .With("@now", now).With("@id", delivery.Id).With("@token", delivery.ClaimToken);
            await release.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return held;
    }

    /// <summary>The subscription's status now (it may have changed since a claim read it); null when there is no such subscription.</summary>
    public async Task<string?> SubscriptionStatusAsync(string subscriptionId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("SELECT status FROM subscriptions WHERE id = @id").With("@id", subscriptionId);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>
    /// Gives claims back unattempted (their endpoints had no room), keeping their last outcomes, in one transaction. Each
    /// is due again at once, at its first due time, so it keeps its place before its subscription's later deliveries.
    /// </summary>
    public async Task DeferAsync(IReadOnlyList<ClaimedDelivery> deferred, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deferred);
        await using var connection = await provider.OpenAsync(ct);
        await hotWrites.WaitAsync(ct);
        try
        {
            await using var transaction = await provider.BeginWriteAsync(connection, ct);
            foreach (var delivery in deferred)
            {
                await using var command = connection.Command(
                    "UPDATE deliveries SET next_attempt_at = created_at, claim_token = NULL, updated_at = @now WHERE id = @id AND claim_token = @token",
                    transaction)
                    .With("@now", time.GetUtcNow().ToUnixTimeMilliseconds()).With("@id", delivery.Id).With("@token", delivery.ClaimToken);
                await command.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            hotWrites.Release();
        }
    }

    /// <summary>
    /// Disables an active subscription with the reason, holds its deliveries waiting to be sent (not those another worker
    /// has in hand: they are held when they come back) and leaves the partner a notice, in one transaction. False when the
    /// subscription was not active (someone else disabled it first); else the notice.
    /// </summary>
    public async Task<PartnerNotice?> DisableSubscriptionAsync(string subscriptionId, string partnerId, string reason, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await provider.OpenAsync(ct);
        await using var transaction = await provider.BeginWriteAsync(connection, ct);
        await using (var disable = connection.Command("""
            UPDATE subscriptions SET status = @disabled, disabled_reason = @reason, disabled_at = @now
            WHERE id = @id AND status = @active
            """, transaction)
            .With("@disabled", SubscriptionStatus.Disabled).With("@reason", reason).With("@now", now)
            .With("@id", subscriptionId).With("@active", SubscriptionStatus.Active))
        {
            if (await disable.ExecuteNonQueryAsync(ct) == 0)
            {
                return null;
            }
        }

        await using (var hold = connection.Command("""
            UPDATE deliveries SET status = @held, updated_at = @now
            WHERE subscription_id = @id AND status IN (@pending, @failed) AND claim_token IS NULL
            """, transaction)
            .With("@held", DeliveryStatus.Held).With("@now", now).With("@id", subscriptionId)
            .With("@pending", DeliveryStatus.Pending).With("@failed", DeliveryStatus.Failed))
        {
            await hold.ExecuteNonQueryAsync(ct);
        }

        var notice = new PartnerNotice(
            Guid.CreateVersion7().ToString("N"), partnerId, subscriptionId, PartnerNoticeKinds.SubscriptionDisabled, reason, time.GetUtcNow());
        await PartnerNoticeStore.InsertAsync(connection, transaction, notice, ct);
        await transaction.CommitAsync(ct);
        return notice;
    }

    /// <summary>
    /// Re-activates the partner's disabled subscription and makes its held deliveries (and any left failed, waiting for a
    /// retry) due again, oldest first, each with a fresh retry budget. False when the partner has no disabled subscription by that id.
    /// </summary>
    public async Task<bool> EnableSubscriptionAsync(string partnerId, string subscriptionId, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await provider.OpenAsync(ct);
        await using var transaction = await provider.BeginWriteAsync(connection, ct);
        await using (var enable = connection.Command("""
            UPDATE subscriptions SET status = @active, disabled_reason = NULL, disabled_at = NULL, failing_since = NULL
            WHERE id = @id AND partner_id = @partner AND status = @disabled
            """, transaction)
            .With("@active", SubscriptionStatus.Active).With("@id", subscriptionId).With("@partner", partnerId)
            .With("@disabled", SubscriptionStatus.Disabled))
        {
            if (await enable.ExecuteNonQueryAsync(ct) == 0)
            {
                return false;
            }
        }

        // With the held ones, those whose attempt was under way when the subscription was disabled: they came back failed
        // with a retry hours away, and the held deliveries of their subjects would wait behind them.
        await using (var release = connection.Command(
            Requeue + " WHERE subscription_id = @id AND (status = @held OR (status = @failed AND claim_token IS NULL))", transaction)
            .With("@id", subscriptionId).With("@held", DeliveryStatus.Held).With("@now", now)
            .With("@pending", DeliveryStatus.Pending).With("@failed", DeliveryStatus.Failed))
        {
            await release.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Makes the partner's dead delivery due again with a fresh retry budget; null when it has none by that id, false when it is not dead.</summary>
    public async Task<bool?> RedriveAsync(string partnerId, string deliveryId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using (var redrive = RedriveCommand(connection, " AND id = @id", partnerId).With("@id", deliveryId))
        {
            if (await redrive.ExecuteNonQueryAsync(ct) == 1)
            {
                return true;
            }
        }

        await using var exists = connection.Command("SELECT COUNT(*) FROM deliveries WHERE id = @id AND partner_id = @partner")
            .With("@id", deliveryId).With("@partner", partnerId);
        return Convert.ToInt64(await exists.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0 ? null : false;
    }

    /// <summary>Redrives every dead delivery of the partner that died at or after <paramref name="since"/>; answers how many.</summary>
    public async Task<int> RedriveSinceAsync(string partnerId, DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var redrive = RedriveCommand(connection, " AND updated_at >= @since", partnerId).With("@since", since.ToUnixTimeMilliseconds());
        return await redrive.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The attempts of the partner's delivery, first first; null when the partner has no delivery by that id.</summary>
    public async Task<IReadOnlyList<DeliveryAttempt>?> ListAttemptsAsync(string partnerId, string deliveryId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("""
            SELECT a.attempt, a.started_at, a.latency_ms, a.outcome, a.status_code, a.error, d.id
            FROM deliveries d LEFT JOIN delivery_attempts a ON a.delivery_id = d.id
            WHERE d.id = @id AND d.partner_id = @partner
            ORDER BY a.attempt
            """).With("@id", deliveryId).With("@partner", partnerId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        List<DeliveryAttempt>? attempts = null;
        while (await reader.ReadAsync(ct))
        {
            attempts ??= [];
            if (!reader.IsDBNull(0))
            {
                attempts.Add(new DeliveryAttempt(
                    reader.GetInt32(0), Sql.FromUnixMs(reader.GetInt64(1)), reader.GetInt64(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.GetNullableString(5)));
            }
        }

        return attempts;
    }

    public Task MarkSupersededAsync(ClaimedDelivery delivery, string newerDeliveryId, CancellationToken ct) =>
        FinishAttemptAsync(delivery, DeliveryStatus.Superseded, delivery.Attempts, time.GetUtcNow(), null, QueuedDeliveries.SupersededBy(newerDeliveryId), ct);

    /// <summary>
    /// A delivery of the same subscription about the same subject, queued after <paramref name="delivery"/>, whose
    /// event is one of <paramref name="types"/> and that is not itself cancelled or superseded; null when there is none.
    /// </summary>
    public async Task<string?> FindNewerAsync(ClaimedDelivery delivery, IReadOnlyList<string> types, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(types);
        if (delivery.Event.Subject is null || types.Count == 0)
        {
            return null;
        }

        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command($"""
            SELECT n.id FROM deliveries n JOIN events e ON e.id = n.event_id
            WHERE n.subscription_id = @subscription AND n.subject = @subject
              AND n.rowid > (SELECT rowid FROM deliveries WHERE id = @id)
              AND n.status NOT IN (@cancelled, @superseded) AND e.type IN ({Sql.ListOf("@type", types.Count)})
            ORDER BY n.rowid DESC LIMIT 1
            """)
            .With("@subscription", delivery.SubscriptionId).With("@subject", delivery.Event.Subject).With("@id", delivery.Id)
            .With("@cancelled", DeliveryStatus.Cancelled).With("@superseded", DeliveryStatus.Superseded).WithList("@type", types);

        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>
    /// Gives a claim back untouched (e.g. at shutdown), due again now: its status and last outcome stay as they are, so
    /// one cancelled since the claim stays cancelled.
    /// </summary>
    public async Task ReleaseAsync(ClaimedDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command(GiveBack)
            .With("@now", time.GetUtcNow().ToUnixTimeMilliseconds()).With("@id", delivery.Id).With("@token", delivery.ClaimToken);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The partner's deliveries, newest first, optionally of one status.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(string partnerId, string? status, int limit, CancellationToken ct)
    {
        const string select = """
            SELECT d.id, d.event_id, e.type, d.subscription_id, d.status, d.attempts, d.next_attempt_at,
                   d.last_status_code, d.last_error, d.created_at, d.updated_at
            FROM deliveries d JOIN events e ON e.id = d.event_id
            WHERE d.partner_id = @partner
            """;
        const string order = " ORDER BY d.created_at DESC, d.id DESC LIMIT @limit";
        await using var connection = await provider.OpenAsync(ct);
        await using var command = status is null
            ? connection.Command(select + order)
            : connection.Command(select + " AND d.status = @status" + order).With("@status", status);
        command.With("@partner", partnerId).With("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var deliveries = new List<DeliveryRecord>();
        while (await reader.ReadAsync(ct))
        {
            var deliveryStatus = reader.GetString(4);
            deliveries.Add(new DeliveryRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), deliveryStatus, reader.GetInt32(5),
                deliveryStatus is DeliveryStatus.Pending or DeliveryStatus.Failed ? Sql.FromUnixMs(reader.GetInt64(6)) : null,
                reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.GetNullableString(8),
                Sql.FromUnixMs(reader.GetInt64(9)), Sql.FromUnixMs(reader.GetInt64(10))));
        }

        return deliveries;
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync(CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("SELECT status, COUNT(*) FROM deliveries GROUP BY status");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var counts = DeliveryStatus.All.ToDictionary(s => s, _ => 0L);
        while (await reader.ReadAsync(ct))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    public void Dispose() => hotWrites.Dispose();

    private async Task FinishAttemptAsync(
        ClaimedDelivery delivery, string status, int attempts, DateTimeOffset nextAttemptAt, int? statusCode, string? error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("""
            UPDATE deliveries
            SET status = @status, attempts = @attempts, next_attempt_at = @next, last_status_code = @code, last_error = @error,
                claim_token = NULL, updated_at = @now
            WHERE id = @id AND claim_token = @token
            """)
            .With("@status", status).With("@attempts", attempts).With("@next", nextAttemptAt.ToUnixTimeMilliseconds())
            .With("@code", statusCode).With("@error", error).With("@now", time.GetUtcNow().ToUnixTimeMilliseconds())
            .With("@id", delivery.Id).With("@token", delivery.ClaimToken);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Hands a claim back, due again at <c>@now</c>, its status and last outcome as they are.</summary>
    private const string GiveBack = "UPDATE deliveries SET next_attempt_at = @now, claim_token = NULL, updated_at = @now WHERE id = @id AND claim_token = @token";

    /// <summary>Due again at once (their first due time, so the oldest go first), with a fresh retry budget.</summary>
    private const string Requeue = """
        UPDATE deliveries
        SET status = CASE WHEN attempts = 0 THEN @pending ELSE @failed END, failures = 0, next_attempt_at = created_at, updated_at = @now
        """;

    private DbCommand RedriveCommand(DbConnection connection, string condition, string partnerId) =>
        connection.Command(Requeue + " WHERE partner_id = @partner AND status = @dead" + condition)
            .With("@partner", partnerId).With("@dead", DeliveryStatus.Dead).With("@now", time.GetUtcNow().ToUnixTimeMilliseconds())
            .With("@pending", DeliveryStatus.Pending).With("@failed", DeliveryStatus.Failed);

    private static NeedEvent ReadEvent(DbDataReader reader, int first)
    {
        using var data = JsonDocument.Parse(reader.GetString(first + 5));
        return new NeedEvent
        {
            Id = reader.GetString(first),
            Type = reader.GetString(first + 1),
            HouseholdId = reader.GetString(first + 2),
            Subject = reader.GetNullableString(first + 3),
            Time = DateTimeOffset.Parse(reader.GetString(first + 4), System.Globalization.CultureInfo.InvariantCulture),
            Data = data.RootElement.Clone(),
        };
    }
}

/// <summary>
/// A delivery this worker holds until it records the outcome, with all it needs to attempt it (the partner's kind decides
/// what of the data it gets). The subscription's status is not part of it: the worker reads it just before sending
/// (<see cref="DeliveryStore.SubscriptionStatusAsync"/>), as it may have changed since the claim.
/// </summary>
internal sealed record ClaimedDelivery(
    string Id,
    string ClaimToken,
    DateTimeOffset LeaseEnd,
    int Attempts,
    string SubscriptionId,
    string PartnerId,
    string? WebhookUrl,
    string Secret,
    bool Mqtt,
    NeedEvent Event,
    string PartnerKind = PartnerKinds.Other)
{
    /// <summary>The secret the subscription's last rotation replaced, if any.</summary>
    public string? PreviousSecret { get; init; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }

    /// <summary>The secrets to sign with at <paramref name="now"/>: the current one, and the replaced one while the rotation's overlap lasts.</summary>
    public IReadOnlyList<string> SecretsAt(DateTimeOffset now) =>
        PreviousSecret is not null && now < PreviousSecretExpiresAt ? [Secret, PreviousSecret] : [Secret];

    /// <summary>Failed attempts that count toward the retry budget (throttled ones do not); a redrive starts it again.</summary>
    public int Failures { get; init; }

    /// <summary>Since when the subscription's endpoint has accepted nothing; null when its last attempt was delivered.</summary>
    public DateTimeOffset? FailingSince { get; init; }
}

/// <summary>An attempt to record with what follows it: the delivery's new status, retry budget used and next due time.</summary>
internal sealed record RecordedAttempt(ClaimedDelivery Delivery, DeliveryAttempt Attempt, string Status, int Failures, DateTimeOffset NextAttemptAt);

/// <summary>One try at a delivery, as kept in <c>delivery_attempts</c>; <see cref="Outcome"/> one of <see cref="AttemptOutcomes"/>.</summary>
public sealed record DeliveryAttempt(int Attempt, DateTimeOffset StartedAt, long LatencyMs, string Outcome, int? StatusCode, string? Error);

public static class AttemptOutcomes
{
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    /// <summary>429 or 503 with <c>Retry-After</c>: tried again when the endpoint asked, without using up the retry budget.</summary>
    public const string Throttled = "throttled";

    /// <summary>410 Gone: the subscription is disabled.</summary>
    public const string Gone = "gone";
}

public sealed record DeliveryRecord(
    string Id,
    string EventId,
    string EventType,
    string SubscriptionId,
    string Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
