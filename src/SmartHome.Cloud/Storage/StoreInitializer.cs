
namespace SmartHome.Cloud.Storage;

/// <summary>Brings the schema up to date before anything else starts; safe to run on every start and from several replicas.</summary>
internal sealed class StoreInitializer(IStoreProvider provider, TimeProvider time, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await provider.PrepareAsync(connection, cancellationToken);
        await EnsureMigrationsTableAsync(connection, cancellationToken);
        foreach (var migration in provider.Migrations.OrderBy(m => m.Version))
        {
            await ApplyAsync(connection, migration, cancellationToken);
        }

        Log.StoreReady(logger, provider.Name, provider.Migrations.Max(m => m.Version));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task EnsureMigrationsTableAsync(System.Data.Common.DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.Command(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task ApplyAsync(System.Data.Common.DbConnection connection, SchemaMigration migration, CancellationToken ct)
    {
        await using var transaction = await provider.BeginWriteAsync(connection, ct);
        await using (var check = connection.Command("SELECT COUNT(*) FROM schema_migrations WHERE version = @version", transaction))
        {
            if (Convert.ToInt64(await check.With("@version", migration.Version).ExecuteScalarAsync(ct)) > 0)
            {
                return;
            }
        }

        await using (var apply = connection.Command(migration.Sql, transaction))
        {
            await apply.ExecuteNonQueryAsync(ct);
        }

        await using (var record = connection.Command(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)", transaction))
        {
            await record.With("@version", migration.Version).With("@name", migration.Name)
                .With("@at", time.GetUtcNow().ToUnixTimeMilliseconds()).ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        Log.MigrationApplied(logger, migration.Version, migration.Name);
    }
}
