namespace SmartHome.Cloud.Storage;

/// <summary>Householder bearer tokens, kept only as hashes.</summary>
internal sealed class HouseholderTokenStore(IStoreProvider provider, TimeProvider time)
{
    public async Task AddAsync(string tokenHash, string householdId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command(
            "INSERT INTO householder_tokens (token_hash, household_id, created_at) VALUES (@hash, @household, @now)")
            .With("@hash", tokenHash).With("@household", householdId).With("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<string?> FindHouseholdIdAsync(string tokenHash, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("SELECT household_id FROM householder_tokens WHERE token_hash = @hash").With("@hash", tokenHash);
        return await command.ExecuteScalarAsync(ct) as string;
    }
}
