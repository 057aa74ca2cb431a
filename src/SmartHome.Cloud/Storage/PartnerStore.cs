namespace SmartHome.Cloud.Storage;

/// <summary>Partners (grocery, recipe, dietitian, other) and the hashes of their API keys.</summary>
internal sealed class PartnerStore(IStoreProvider provider, TimeProvider time)
{
    public async Task AddAsync(PartnerRecord partner, string apiKeyHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(partner);
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command(
            "INSERT INTO partners (id, name, kind, api_key_hash, created_at) VALUES (@id, @name, @kind, @hash, @now)")
            .With("@id", partner.Id).With("@name", partner.Name).With("@kind", partner.Kind).With("@hash", apiKeyHash)
            .With("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<PartnerRecord?> FindAsync(string partnerId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("SELECT id, name, kind FROM partners WHERE id = @id").With("@id", partnerId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new(reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    /// <summary>Every partner, by name.</summary>
    public async Task<IReadOnlyList<PartnerRecord>> ListAsync(CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("SELECT id, name, kind FROM partners ORDER BY name, id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var partners = new List<PartnerRecord>();
        while (await reader.ReadAsync(ct))
        {
            partners.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return partners;
    }

    public async Task<string?> FindIdByApiKeyHashAsync(string apiKeyHash, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("SELECT id FROM partners WHERE api_key_hash = @hash").With("@hash", apiKeyHash);
        return await command.ExecuteScalarAsync(ct) as string;
    }
}

public sealed record PartnerRecord(string Id, string Name, string Kind);
