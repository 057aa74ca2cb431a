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

    private const int BusyTimeoutMs = 30_000;

    public string Name => StorageOptions.Sqlite;

    public IReadOnlyList<SchemaMigration> Migrations => SqliteSchema.Migrations;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString.Value);
        try
        {
            await connection.OpenAsync(ct);

            // SQLite's own busy handler waits for the write lock in steps of 1 ms growing to 100 ms; without it,
            // Microsoft.Data.Sqlite retries a busy write every 150 ms, and each writer that meets another waits that long.
            await using var busyTimeout = connection.CreateCommand();
            busyTimeout.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMs};";
            await busyTimeout.ExecuteNonQueryAsync(ct);
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
