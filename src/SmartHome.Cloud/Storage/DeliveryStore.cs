using System.Data.Common;
using System.Text.Json;
using SmartHome.Cloud.Core.Events;

namespace SmartHome.Cloud.Storage;

/// <summary>
/// The durable delivery outbox. Workers claim due rows by stamping them with a claim token and pushing their
/// next attempt past a lease, in one statement whose conditions are re-checked per row, so two workers (or two
/// replicas) never take the same delivery, and a worker that dies only delays its claims until the lease ends.
/// </summary>
internal sealed class DeliveryStore(IStoreProvider provider, TimeProvider time)
{
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(int limit, TimeSpan lease, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var leaseEnd = now + lease;
        var token = Guid.NewGuid().ToString("N");
        await using var connection = await provider.OpenAsync(ct);
        await using (var transaction = await provider.BeginWriteAsync(connection, ct))
        {
            await using var claim = connection.Command("""
                UPDATE deliveries SET claim_token = @token, next_attempt_at = @leaseEnd, updated_at = @now
                WHERE id IN (
                    SELECT id FROM deliveries
                    WHERE status IN (@pending, @failed) AND next_attempt_at <= @now
                    ORDER BY next_attempt_at, id
                    LIMIT @limit)
                  AND status IN (@pending, @failed) AND next_attempt_at <= @now
                """, transaction)
                .With("@token", token).With("@leaseEnd", leaseEnd.ToUnixTimeMilliseconds()).With("@now", now.ToUnixTimeMilliseconds())
                .With("@pending", DeliveryStatus.Pending).With("@failed", DeliveryStatus.Failed).With("@limit", limit);
            if (await claim.ExecuteNonQueryAsync(ct) == 0)
            {
                return [];
            }

            await transaction.CommitAsync(ct);
        }

        await using var select = connection.Command("""
            SELECT d.id, d.attempts, d.subscription_id, d.partner_id, s.status, s.webhook_url, s.secret, s.mqtt,
                   e.id, e.type, e.household_id, e.subject, e.time, e.data_json, s.previous_secret, s.previous_secret_expires_at
            FROM deliveries d
            JOIN subscriptions s ON s.id = d.subscription_id
            JOIN events e ON e.id = d.event_id
            WHERE d.claim_token = @token
            ORDER BY d.next_attempt_at, d.id
            """).With("@token", token);
        await using var reader = await select.ExecuteReaderAsync(ct);
        var claimed = new List<ClaimedDelivery>();
        while (await reader.ReadAsync(ct))
        {
            claimed.Add(new ClaimedDelivery(
                reader.GetString(0), token, leaseEnd, reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetNullableString(5), reader.GetString(6), reader.GetBoolean(7), ReadEvent(reader, 8))
            {
                PreviousSecret = reader.GetNullableString(14),
                PreviousSecretExpiresAt = reader.IsDBNull(15) ? null : Sql.FromUnixMs(reader.GetInt64(15)),
            });
        }

        return claimed;
    }

    public Task MarkDeliveredAsync(ClaimedDelivery delivery, int? statusCode, CancellationToken ct) =>
        FinishAttemptAsync(delivery, DeliveryStatus.Delivered, delivery.Attempts + 1, time.GetUtcNow(), statusCode, null, ct);

    /// <summary>Records a failed attempt: <c>failed</c> with the next attempt at <paramref name="nextAttemptAt"/>, or <c>dead</c> when that is null.</summary>
    public Task MarkFailedAsync(ClaimedDelivery delivery, DateTimeOffset? nextAttemptAt, int? statusCode, string error, CancellationToken ct) =>
        FinishAttemptAsync(delivery, nextAttemptAt is null ? DeliveryStatus.Dead : DeliveryStatus.Failed, delivery.Attempts + 1,
            nextAttemptAt ?? time.GetUtcNow(), statusCode, error, ct);

    public Task MarkCancelledAsync(ClaimedDelivery delivery, string reason, CancellationToken ct) =>
        FinishAttemptAsync(delivery, DeliveryStatus.Cancelled, delivery.Attempts, time.GetUtcNow(), null, reason, ct);

    /// <summary>Gives a claim back untouched (e.g. at shutdown), due again now.</summary>
    public Task ReleaseAsync(ClaimedDelivery delivery, CancellationToken ct) =>
        FinishAttemptAsync(delivery, delivery.Attempts == 0 ? DeliveryStatus.Pending : DeliveryStatus.Failed, delivery.Attempts, time.GetUtcNow(), null, null, ct);

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

/// <summary>A delivery this worker holds until it records the outcome, with all it needs to attempt it.</summary>
internal sealed record ClaimedDelivery(
    string Id,
    string ClaimToken,
    DateTimeOffset LeaseEnd,
    int Attempts,
    string SubscriptionId,
    string PartnerId,
    string SubscriptionStatus,
    string? WebhookUrl,
    string Secret,
    bool Mqtt,
    NeedEvent Event)
{
    /// <summary>The secret the subscription's last rotation replaced, if any.</summary>
    public string? PreviousSecret { get; init; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }

    /// <summary>The secrets to sign with at <paramref name="now"/>: the current one, and the replaced one while the rotation's overlap lasts.</summary>
    public IReadOnlyList<string> SecretsAt(DateTimeOffset now) =>
        PreviousSecret is not null && now < PreviousSecretExpiresAt ? [Secret, PreviousSecret] : [Secret];
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
