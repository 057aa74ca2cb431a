using System.Data.Common;
using Microsoft.Data.Sqlite;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.UnitTests.Storage;

/// <summary>The real SQLite provider, whose write transactions or connections fail when a test asks.</summary>
internal sealed class FlakyStoreProvider(IStoreProvider inner) : IStoreProvider
{
    private int failuresLeft;
    private int failuresThrown;
    private volatile bool unavailable;

    public string Name => inner.Name;

    public IReadOnlyList<SchemaMigration> Migrations => inner.Migrations;

    public int FailuresThrown => Volatile.Read(ref failuresThrown);

    /// <summary>Makes the next <paramref name="count"/> write transactions fail with a <see cref="DbException"/>.</summary>
    public void FailNextWrites(int count) => Volatile.Write(ref failuresLeft, count);

    /// <summary>Makes every connection from now on fail with a <see cref="DbException"/>.</summary>
    public void BecomeUnavailable() => unavailable = true;

    public Task<DbConnection> OpenAsync(CancellationToken ct) =>
        unavailable ? throw new SqliteException("the store is unavailable (test)", 10) : inner.OpenAsync(ct);

    public Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            Interlocked.Increment(ref failuresThrown);
            throw new SqliteException("the store is unavailable (test)", 10);
        }

        return inner.BeginWriteAsync(connection, ct);
    }

    public Task PrepareAsync(DbConnection connection, CancellationToken ct) => inner.PrepareAsync(connection, ct);
}
