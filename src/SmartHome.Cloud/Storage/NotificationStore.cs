using System.Text.Json;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Storage;

/// <summary>Householder notifications: stored with the change that caused them, published to MQTT afterwards (an outbox).</summary>
internal sealed class NotificationStore(IStoreProvider provider, TimeProvider time)
{
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

    /// <summary>The oldest notifications not yet published, as stored (the contract's JSON).</summary>
    public async Task<IReadOnlyList<UnpublishedNotification>> ListUnpublishedAsync(int limit, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT id, household_id, json FROM notifications WHERE published_at IS NULL ORDER BY created_at, id LIMIT @limit").With("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var notifications = new List<UnpublishedNotification>();
        while (await reader.ReadAsync(ct))
        {
            notifications.Add(new(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2)));
        }

        return notifications;
    }

    public async Task MarkPublishedAsync(Guid notificationId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("UPDATE notifications SET published_at = @now WHERE id = @id")
            .With("@now", time.GetUtcNow().ToUnixTimeMilliseconds()).With("@id", notificationId.ToString());
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> CountUnpublishedAsync(CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("SELECT COUNT(*) FROM notifications WHERE published_at IS NULL");
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

}

internal sealed record UnpublishedNotification(Guid Id, string HouseholdId, string Json);

/// <summary>A notification as stored (the contract's JSON) and its place in the store.</summary>
internal sealed record StoredNotification(long Cursor, string Json);
