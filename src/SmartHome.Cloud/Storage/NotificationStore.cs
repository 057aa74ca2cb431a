using System.Text.Json;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Storage;

/// <summary>Householder notifications: stored with the change that caused them, published to MQTT afterwards (an outbox).</summary>
internal sealed class NotificationStore(IStoreProvider provider, TimeProvider time)
{
    /// <summary>
    /// The SQL condition, over a <c>notifications</c> row, that a push channel may send it at <c>@now</c> (Unix ms): its
    /// <c>release_at</c> (quiet hours, see <see cref="Core.Notifications.NotificationRelease"/>) has come or is NULL.
    /// </summary>
    public const string IsReleased = "(release_at IS NULL OR release_at <= @now)";

    public async Task<IReadOnlyList<HouseholdNotification>> ListAsync(string householdId, int limit, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT json FROM notifications WHERE household_id = @household ORDER BY created_at DESC, id DESC LIMIT @limit")
            .With("@household", householdId).With("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var notifications = new List<HouseholdNotification>();
        while (await reader.ReadAsync(ct))
        {
            notifications.Add(JsonSerializer.Deserialize(reader.GetString(0), ContractsJsonContext.Default.HouseholdNotification)!);
        }

        return notifications;
    }

    /// <summary>
    /// The household's notifications stored after <paramref name="cursor"/>, oldest first, each with its own cursor: the
    /// row's rowid, which grows with every insert and, SQLite having one writer, in commit order.
    /// </summary>
    public async Task<IReadOnlyList<StoredNotification>> ListAfterAsync(string householdId, long cursor, int limit, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT rowid, json FROM notifications WHERE household_id = @household AND rowid > @cursor ORDER BY rowid LIMIT @limit")
            .With("@household", householdId).With("@cursor", cursor).With("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var notifications = new List<StoredNotification>();
        while (await reader.ReadAsync(ct))
        {
            notifications.Add(new(reader.GetInt64(0), reader.GetString(1)));
        }

        return notifications;
    }

    /// <summary>The cursor of the household's newest notification; 0 when it has none.</summary>
    public async Task<long> LatestCursorAsync(string householdId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("SELECT MAX(rowid) FROM notifications WHERE household_id = @household")
            .With("@household", householdId);
        return await command.ExecuteScalarAsync(ct) is long cursor ? cursor : 0;
    }

    /// <summary>The oldest notifications released by <paramref name="asOf"/> and not yet published to MQTT, as stored (the contract's JSON).</summary>
    public async Task<IReadOnlyList<UnpublishedNotification>> ListUnpublishedAsync(DateTimeOffset asOf, int limit, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command(
            $"SELECT id, household_id, json FROM notifications WHERE published_at IS NULL AND {IsReleased} ORDER BY created_at, id LIMIT @limit")
            .With("@limit", limit).With("@now", asOf.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var notifications = new List<UnpublishedNotification>();
        while (await reader.ReadAsync(ct))
        {
            notifications.Add(new(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2)));
        }

        return notifications;
    }

    /// <summary>The first release after <paramref name="asOf"/> of a notification not yet published to MQTT; null when there is none.</summary>
    public async Task<DateTimeOffset?> NextReleaseAsync(DateTimeOffset asOf, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT MIN(release_at) FROM notifications WHERE published_at IS NULL AND release_at > @asOf").With("@asOf", asOf.ToUnixTimeMilliseconds());
        return await command.ExecuteScalarAsync(ct) is long releaseAt ? DateTimeOffset.FromUnixTimeMilliseconds(releaseAt) : null;
    }

    public async Task MarkPublishedAsync(Guid notificationId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("UPDATE notifications SET published_at = @now WHERE id = @id")
            .With("@now", Now()).With("@id", notificationId.ToString());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Notifications not yet published to MQTT: released ones, and ones quiet hours still hold back.</summary>
    public async Task<UnpublishedCounts> CountUnpublishedAsync(CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command($"""
            SELECT COALESCE(SUM(CASE WHEN {IsReleased} THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN {IsReleased} THEN 0 ELSE 1 END), 0)
            FROM notifications WHERE published_at IS NULL
            """).With("@now", Now());
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new(reader.GetInt64(0), reader.GetInt64(1));
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}

internal sealed record UnpublishedNotification(Guid Id, string HouseholdId, string Json);

/// <summary>A notification as stored (the contract's JSON) and its place in the store.</summary>
internal sealed record StoredNotification(long Cursor, string Json);

internal sealed record UnpublishedCounts(long Released, long Held);
