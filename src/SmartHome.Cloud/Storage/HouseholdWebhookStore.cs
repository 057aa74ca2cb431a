using System.Data.Common;

namespace SmartHome.Cloud.Storage;

/// <summary>
/// The households' own notification webhooks and, per notification, its send to one: queued for every notification
/// stored after the webhook was set up, claimed oldest first per household, and marked sent, failed or stale once.
/// </summary>
internal sealed class HouseholdWebhookStore(IStoreProvider provider, TimeProvider time)
{
    public async Task<HouseholdWebhook?> FindAsync(string householdId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command($"SELECT {WebhookColumns} FROM household_webhooks w WHERE w.household_id = @household")
            .With("@household", householdId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadWebhook(reader, 0) : null;
    }

    /// <summary>
    /// Sets the household's webhook, replacing the one it had (whose queued sends go to the new one, at once if they were
    /// waiting for a retry). A new webhook gets only notifications stored from now on.
    /// </summary>
    public async Task<HouseholdWebhook> PutAsync(string householdId, Uri url, string format, string? token, string? secret, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        await using var connection = await provider.OpenAsync(ct);
        await using var transaction = await provider.BeginWriteAsync(connection, ct);
        await using var command = connection.Command("""
            INSERT INTO household_webhooks (household_id, url, format, token, secret, status, enqueued_through, created_at, updated_at)
            VALUES (@household, @url, @format, @token, @secret, @active, (SELECT COALESCE(MAX(rowid), 0) FROM notifications), @now, @now)
            ON CONFLICT (household_id) DO UPDATE SET url = excluded.url, format = excluded.format, token = excluded.token,
                secret = excluded.secret, status = excluded.status, last_error = NULL, updated_at = excluded.updated_at
            """, transaction)
            .With("@household", householdId).With("@url", url.OriginalString).With("@format", format).With("@token", token)
            .With("@secret", secret).With("@active", HouseholdWebhookStatus.Active).With("@now", Now());
        await command.ExecuteNonQueryAsync(ct);
        // Sends waiting out the replaced webhook's retry backoff (up to 40 min, the ones behind them too) are due now:
        // the new endpoint has not failed them. One in flight keeps its claim.
        await using var retry = connection.Command("""
            UPDATE household_webhook_sends SET next_attempt_at = @now, updated_at = @now
            WHERE household_id = @household AND status = @pending AND claim_token IS NULL AND next_attempt_at > @now
            """, transaction)
            .With("@household", householdId).With("@pending", HouseholdWebhookSendStatus.Pending).With("@now", Now());
        await retry.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return (await FindAsync(householdId, ct))!;
    }

    /// <summary>Removes the household's webhook and cancels its sends not made yet; false when it had none.</summary>
    public async Task<bool> DeleteAsync(string householdId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var transaction = await provider.BeginWriteAsync(connection, ct);
        await using var delete = connection.Command("DELETE FROM household_webhooks WHERE household_id = @household", transaction)
            .With("@household", householdId);
        var deleted = await delete.ExecuteNonQueryAsync(ct) == 1;
        await using var cancel = connection.Command("""
            UPDATE household_webhook_sends SET status = @cancelled, claim_token = NULL, last_error = 'the webhook was removed', updated_at = @now
            WHERE household_id = @household AND status = @pending
            """, transaction)
            .With("@household", householdId).With("@cancelled", HouseholdWebhookSendStatus.Cancelled)
            .With("@pending", HouseholdWebhookSendStatus.Pending).With("@now", Now());
        await cancel.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return deleted;
    }

    /// <summary>Queues a send for every notification stored since the last call, of each household with a webhook.</summary>
    public async Task<int> EnqueueAsync(CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using (var behind = connection.Command(
            "SELECT COUNT(*) FROM household_webhooks WHERE enqueued_through < (SELECT COALESCE(MAX(rowid), 0) FROM notifications)"))
        {
            if ((long)(await behind.ExecuteScalarAsync(ct))! == 0)
            {
                return 0;
            }
        }

        await using var transaction = await provider.BeginWriteAsync(connection, ct);
        await using var insert = connection.Command("""
            INSERT INTO household_webhook_sends (notification_id, household_id, status, attempts, next_attempt_at, created_at, updated_at)
            SELECT n.id, n.household_id, @pending, 0, 0, @now, @now
            FROM household_webhooks w JOIN notifications n ON n.household_id = w.household_id
            WHERE n.rowid > w.enqueued_through
            ON CONFLICT DO NOTHING
            """, transaction)
            .With("@pending", HouseholdWebhookSendStatus.Pending).With("@now", Now());
        var queued = await insert.ExecuteNonQueryAsync(ct);
        await using var advance = connection.Command("""
            UPDATE household_webhooks SET enqueued_through = (SELECT COALESCE(MAX(rowid), 0) FROM notifications)
            WHERE enqueued_through < (SELECT COALESCE(MAX(rowid), 0) FROM notifications)
            """, transaction);
        await advance.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return queued;
    }

    /// <summary>
    /// Claims, until <paramref name="claimUntil"/>, the next send of each household when it is due: its notification
    /// released (<see cref="NotificationStore.IsReleased"/>, as for the MQTT publisher) and its retry time come. The next send of a household is the one
    /// whose notification became due first (then was stored first); the ones behind it wait, so a household gets its
    /// notifications in order. One that became due before <paramref name="staleBefore"/> is marked stale instead.
    /// </summary>
    public async Task<ClaimResult> ClaimAsync(int limit, DateTimeOffset claimUntil, DateTimeOffset staleBefore, CancellationToken ct)
    {
        var now = Now();
        await using var connection = await provider.OpenAsync(ct);
        var heads = new List<(string NotificationId, int Attempts, string Json, long DueAt, HouseholdWebhook Webhook)>();
        await using (var select = connection.Command($"""
            WITH pending AS (
                SELECT s.notification_id, s.household_id, s.attempts, s.next_attempt_at, n.json, n.rowid AS seq, n.release_at,
                       COALESCE(n.release_at, n.created_at) AS due_at
                FROM household_webhook_sends s JOIN notifications n ON n.id = s.notification_id
                WHERE s.status = @pending)
            SELECT {WebhookColumns}, p.notification_id, p.attempts, p.json, p.due_at
            FROM pending p JOIN household_webhooks w ON w.household_id = p.household_id
            WHERE p.next_attempt_at <= @now AND {NotificationStore.IsReleased}
              AND NOT EXISTS (
                  SELECT 1 FROM pending o
                  WHERE o.household_id = p.household_id AND (o.due_at < p.due_at OR (o.due_at = p.due_at AND o.seq < p.seq)))
            ORDER BY p.due_at, p.seq
            LIMIT @limit
            """).With("@pending", HouseholdWebhookSendStatus.Pending).With("@now", now).With("@limit", limit))
        {
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                heads.Add((reader.GetString(8), reader.GetInt32(9), reader.GetString(10), reader.GetInt64(11), ReadWebhook(reader, 0)));
            }
        }

        var claimed = new List<ClaimedWebhookSend>();
        var stale = new List<StaleWebhookSend>();
        if (heads.Count == 0)
        {
            return new(claimed, stale);
        }

        await using var transaction = await provider.BeginWriteAsync(connection, ct);
        foreach (var head in heads)
        {
            var dueAt = Sql.FromUnixMs(head.DueAt);
            if (dueAt < staleBefore)
            {
                var reason = $"stale: due at {dueAt:O}, not sent within the maximum age";
                if (await ClaimAsync(connection, transaction, head.NotificationId, now, "status = @status, last_error = @error",
                    c => c.With("@status", HouseholdWebhookSendStatus.Stale).With("@error", reason), ct))
                {
                    stale.Add(new(head.NotificationId, head.Webhook.HouseholdId, reason));
                }

                continue;
            }

            var claimToken = Guid.NewGuid().ToString("N");
            if (await ClaimAsync(connection, transaction, head.NotificationId, now, "claim_token = @claim, next_attempt_at = @until",
                c => c.With("@claim", claimToken).With("@until", claimUntil.ToUnixTimeMilliseconds()), ct))
            {
                claimed.Add(new(head.NotificationId, claimToken, head.Attempts, head.Json, head.Webhook));
            }
        }

        await transaction.CommitAsync(ct);
        return new(claimed, stale);
    }

    /// <summary>
    /// Stores how a claimed send's attempt went, and on its webhook the latest state; nothing when the claim was lost
    /// meanwhile (the webhook was removed). <paramref name="nextAttemptAt"/> null ends the send: sent when the attempt
    /// succeeded, else failed.
    /// </summary>
    public async Task RecordAttemptAsync(ClaimedWebhookSend send, bool succeeded, int? statusCode, string? error, DateTimeOffset? nextAttemptAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(send);
        var now = Now();
        var status = succeeded ? HouseholdWebhookSendStatus.Sent
            : nextAttemptAt is null ? HouseholdWebhookSendStatus.Failed : HouseholdWebhookSendStatus.Pending;
        await using var connection = await provider.OpenAsync(ct);
        await using var transaction = await provider.BeginWriteAsync(connection, ct);
        await using var update = connection.Command("""
            UPDATE household_webhook_sends
            SET status = @status, attempts = attempts + 1, next_attempt_at = @next, claim_token = NULL, last_status_code = @code,
                last_error = @error, sent_at = @sent, updated_at = @now
            WHERE notification_id = @id AND claim_token = @claim
            """, transaction)
            .With("@status", status).With("@next", nextAttemptAt?.ToUnixTimeMilliseconds() ?? now).With("@code", statusCode)
            .With("@error", error).With("@sent", succeeded ? now : null).With("@now", now)
            .With("@id", send.NotificationId).With("@claim", send.ClaimToken);
        if (await update.ExecuteNonQueryAsync(ct) == 1)
        {
            await using var webhook = connection.Command("""
                UPDATE household_webhooks
                SET status = @status, last_error = @error, last_delivered_at = COALESCE(@delivered, last_delivered_at), updated_at = @now
                WHERE household_id = @household
                """, transaction)
                .With("@status", succeeded ? HouseholdWebhookStatus.Active : HouseholdWebhookStatus.Failing).With("@error", error)
                .With("@delivered", succeeded ? now : null).With("@now", now).With("@household", send.Webhook.HouseholdId);
            await webhook.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private const string WebhookColumns =
        "w.household_id, w.url, w.format, w.token, w.secret, w.status, w.last_error, w.last_delivered_at";

    private static HouseholdWebhook ReadWebhook(DbDataReader reader, int first) => new(
        reader.GetString(first),
        new Uri(reader.GetString(first + 1)),
        reader.GetString(first + 2),
        reader.GetNullableString(first + 3),
        reader.GetNullableString(first + 4),
        reader.GetString(first + 5),
        reader.GetNullableString(first + 6),
        reader.IsDBNull(first + 7) ? null : Sql.FromUnixMs(reader.GetInt64(first + 7)));

    /// <summary>Changes a send read as due, if it still is (another replica may have claimed it since); true when it did.</summary>
    private static async Task<bool> ClaimAsync(
        DbConnection connection, DbTransaction transaction, string notificationId, long now, string set, Func<DbCommand, DbCommand> bind, CancellationToken ct)
    {
        await using var command = bind(connection.Command($"""
            UPDATE household_webhook_sends SET {set}, updated_at = @now
            WHERE notification_id = @id AND status = @pending AND next_attempt_at <= @now
            """, transaction)
            .With("@now", now).With("@id", notificationId).With("@pending", HouseholdWebhookSendStatus.Pending));
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}

/// <summary>A household's webhook; <see cref="Token"/> and <see cref="Secret"/> are secrets, never shown again nor logged.</summary>
internal sealed record HouseholdWebhook(
    string HouseholdId, Uri Url, string Format, string? Token, string? Secret, string Status, string? LastError, DateTimeOffset? LastDeliveredAt);

/// <summary>A send claimed for one attempt: the notification as stored (its JSON) and the webhook as it is now.</summary>
internal sealed record ClaimedWebhookSend(string NotificationId, string ClaimToken, int Attempts, string Json, HouseholdWebhook Webhook);

internal sealed record StaleWebhookSend(string NotificationId, string HouseholdId, string Reason);

internal sealed record ClaimResult(IReadOnlyList<ClaimedWebhookSend> Claimed, IReadOnlyList<StaleWebhookSend> Stale);

internal static class HouseholdWebhookStatus
{
    public const string Active = "active";
    public const string Failing = "failing";
}

internal static class HouseholdWebhookSendStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Stale = "stale";
    public const string Cancelled = "cancelled";
}
