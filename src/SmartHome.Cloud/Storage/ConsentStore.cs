namespace SmartHome.Cloud.Storage;

/// <summary>Which event types each household lets each partner receive.</summary>
internal sealed class ConsentStore(IStoreProvider provider, TimeProvider time)
{
    public async Task PutAsync(string householdId, string partnerId, IReadOnlyList<string> types, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO consents (household_id, partner_id, types_json, updated_at) VALUES (@household, @partner, @types, @now)
            ON CONFLICT (household_id, partner_id) DO UPDATE SET types_json = excluded.types_json, updated_at = excluded.updated_at
            """)
            .With("@household", householdId).With("@partner", partnerId).With("@types", StoreJsonContext.ToJson(types))
            .With("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task RevokeAsync(string householdId, string partnerId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("DELETE FROM consents WHERE household_id = @household AND partner_id = @partner")
            .With("@household", householdId).With("@partner", partnerId);
        await command.ExecuteNonQueryAsync(ct);
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
}

public sealed record ConsentRecord(string PartnerId, string PartnerName, string PartnerKind, IReadOnlyList<string> Types, DateTimeOffset UpdatedAt);
