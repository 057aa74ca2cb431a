using System.Security.Cryptography;

namespace SmartHome.Cloud.Storage;

/// <summary>Secrets the server makes for itself once and keeps in the store, so every replica and every restart shares them.</summary>
internal sealed class ServerSecretStore(IStoreProvider provider, ILogger<ServerSecretStore> logger)
{
    public async Task<byte[]> GetOrCreateAsync(string name, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using (var insert = connection.Command("INSERT INTO server_secrets (name, value) VALUES (@name, @value) ON CONFLICT DO NOTHING"))
        {
            if (await insert.With("@name", name).With("@value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).ExecuteNonQueryAsync(ct) == 1)
            {
                Log.ServerSecretGenerated(logger, name);
            }
        }

        await using var select = connection.Command("SELECT value FROM server_secrets WHERE name = @name").With("@name", name);
        return Convert.FromBase64String((string)(await select.ExecuteScalarAsync(ct))!);
    }
}
