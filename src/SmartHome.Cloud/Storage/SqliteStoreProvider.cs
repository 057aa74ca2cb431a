using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Options;

namespace SmartHome.Cloud.Storage;

/// <summary>SQLite through Microsoft.Data.Sqlite: one file, WAL mode, write transactions as <c>BEGIN IMMEDIATE</c>.</summary>
internal sealed class SqliteStoreProvider(IOptions<StorageOptions> options) : IStoreProvider
{
    private readonly Lazy<string> connectionString = new(() => new SqliteConnectionStringBuilder(options.Value.ConnectionString)
    {
        // Writers wait for each other instead of failing with SQLITE_BUSY.
        DefaultTimeout = 30,
    }.ToString());

    public string Name => StorageOptions.Sqlite;

    public IReadOnlyList<SchemaMigration> Migrations => SqliteSchema.Migrations;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString.Value);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);

        // Not deferred: BEGIN IMMEDIATE takes the write lock up front, so a read-then-write never fails half-way.
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    public async Task PrepareAsync(DbConnection connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(ct);
    }
}
