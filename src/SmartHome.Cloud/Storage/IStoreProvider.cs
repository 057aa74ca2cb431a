using System.Data.Common;

namespace SmartHome.Cloud.Storage;

/// <summary>
/// What differs between databases. The stores speak portable SQL (ANSI plus <c>ON CONFLICT DO NOTHING</c>,
/// <c>LIMIT</c>, <c>@name</c> parameters, Unix-millisecond <c>BIGINT</c> times) over plain ADO.NET, so another
/// database is another provider: its connections, its write transactions and its schema.
/// </summary>
public interface IStoreProvider
{
    string Name { get; }

    Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Begins a transaction that will write; concurrent writers of the same rows are serialized or detected by version checks.</summary>
    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    /// <summary>The schema, in order; each is applied once, inside a write transaction, and recorded in <c>schema_migrations</c>.</summary>
    IReadOnlyList<SchemaMigration> Migrations { get; }

    /// <summary>Work done once before migrating (e.g. SQLite's WAL mode, which cannot change inside a transaction).</summary>
    Task PrepareAsync(DbConnection connection, CancellationToken ct);
}

public sealed record SchemaMigration(int Version, string Name, string Sql);
