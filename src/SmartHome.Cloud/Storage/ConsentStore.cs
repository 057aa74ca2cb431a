using System.Data.Common;
using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.Storage;

/// <summary>
/// Which event types each household lets each partner receive. Changing a consent cancels, in the same transaction,
/// the partner's deliveries of the household's events not made yet whose type it no longer covers.
/// </summary>
internal sealed class ConsentStore(IStoreProvider provider, TimeProvider time)
{
    public async Task PutAsync(string householdId, string partnerId, IReadOnlyList<string> types, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var transaction = await provider.BeginWriteAsync(connection, ct);
        await using var command = connection.Command("""
            INSERT INTO consents (household_id, partner_id, types_json, updated_at) VALUES (@household, @partner, @types, @now)
            ON CONFLICT (household_id, partner_id) DO UPDATE SET types_json = excluded.types_json, updated_at = excluded.updated_at
            """, transaction)
            .With("@household", householdId).With("@partner", partnerId).With("@types", StoreJsonContext.ToJson(types))
            .With("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(ct);
        await CancelUnconsentedAsync(connection, transaction, householdId, partnerId, types, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task RevokeAsync(string householdId, string partnerId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var transaction = await provider.BeginWriteAsync(connection, ct);
        await using var command = connection.Command("DELETE FROM consents WHERE household_id = @household AND partner_id = @partner", transaction)
            .With("@household", householdId).With("@partner", partnerId);
        await command.ExecuteNonQueryAsync(ct);
        await CancelUnconsentedAsync(connection, transaction, householdId, partnerId, [], ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The types the household lets the partner receive; empty when it gave no consent.</summary>
    public async Task<IReadOnlyList<string>> FindTypesAsync(string householdId, string partnerId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("SELECT types_json FROM consents WHERE household_id = @household AND partner_id = @partner")
            .With("@household", householdId).With("@partner", partnerId);
        return await command.ExecuteScalarAsync(ct) is string json ? StoreJsonContext.TypesFrom(json) : [];
    }

    public async Task<IReadOnlyList<ConsentRecord>> ListAsync(string householdId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("""
            SELECT c.partner_id, p.name, p.kind, c.types_json, c.updated_at
            FROM consents c JOIN partners p ON p.id = c.partner_id
            WHERE c.household_id = @household
            ORDER BY p.name, c.partner_id
            """).With("@household", householdId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var consents = new List<ConsentRecord>();
        while (await reader.ReadAsync(ct))
        {
            consents.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                StoreJsonContext.TypesFrom(reader.GetString(3)), Sql.FromUnixMs(reader.GetInt64(4))));
        }

        return consents;
    }

    private async Task CancelUnconsentedAsync(
        DbConnection connection, DbTransaction transaction, string householdId, string partnerId, IReadOnlyList<string> types, CancellationToken ct)
    {
        var queued = new List<(string Id, string Type)>();
        await using (var select = connection.Command($"""
            SELECT d.id, e.type FROM deliveries d JOIN events e ON e.id = d.event_id
            WHERE d.partner_id = @partner AND e.household_id = @household AND d.{QueuedDeliveries.IsQueued}
            """, transaction)
            .With("@partner", partnerId).With("@household", householdId).WithQueued())
        {
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                queued.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (id, type) in queued.Where(d => !EventTypePattern.MatchesAny(types, d.Type)))
        {
            await using var cancel = connection.Command($"UPDATE deliveries SET {QueuedDeliveries.CancelSet} WHERE id = @id AND {QueuedDeliveries.IsQueued}", transaction)
                .With("@id", id).WithCancellation($"consent revoked: the household no longer consents to {type} for this partner", time.GetUtcNow());
            await cancel.ExecuteNonQueryAsync(ct);
        }
    }
}

public sealed record ConsentRecord(string PartnerId, string PartnerName, string PartnerKind, IReadOnlyList<string> Types, DateTimeOffset UpdatedAt);
