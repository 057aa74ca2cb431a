using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartHome.Cloud;
using SmartHome.Cloud.Health;
using SmartHome.Testing;

namespace SmartHome.Benchmarks;

/// <summary>The cloud host in this process, reading telemetry from the benchmark's Mosquitto, its SQLite file in a temporary folder.</summary>
internal sealed class BenchCloud : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataPath;

    private BenchCloud(WebApplication app, string dataPath)
    {
        _app = app;
        _dataPath = dataPath;
        Counters = app.Services.GetRequiredService<CloudCounters>();
    }

    public CloudCounters Counters { get; }

    /// <summary>Where the cloud's HTTP API listens.</summary>
    public Uri Address => new(_app.Urls.First());

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    private string DatabasePath => Path.Combine(_dataPath, "cloud.db");

    /// <param name="broker">The Mosquitto the core reads telemetry from.</param>
    /// <param name="settings">Configuration beyond the store and the broker, e.g. the delivery worker's.</param>
    public static async Task<BenchCloud> StartAsync(MosquittoBroker broker, IDictionary<string, string?>? settings = null)
    {
        var dataPath = Directory.CreateTempSubdirectory("shg-bench-cloud-").FullName;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SmartHome:Cloud:AdminKey"] = "bench-admin-key-0123456789abcdef",
            ["SmartHome:Cloud:Storage:ConnectionString"] = $"Data Source={Path.Combine(dataPath, "cloud.db")}",
            ["SmartHome:Cloud:Broker:Embedded"] = "false",
            ["SmartHome:Cloud:Broker:Host"] = "127.0.0.1",
            ["SmartHome:Cloud:Broker:Port"] = broker.Port.ToString(),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddCloud();
        var app = builder.Build();
        app.MapCloud();
        await app.StartAsync();
        return new BenchCloud(app, dataPath);
    }

    /// <summary>
    /// Notes when each of the next <paramref name="count"/> envelopes becomes visible to another connection, i.e.
    /// committed, polling every millisecond; returns those moments by household and seq.
    /// </summary>
    public async Task<Dictionary<(string Household, long Seq), double>> WatchCommitsAsync(int count, Func<double> now)
    {
        var committed = new Dictionary<(string, long), double>(count);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        var lastRow = await ScalarAsync(connection, "SELECT COALESCE(MAX(rowid), 0) FROM processed_envelopes");
        await Poll.UntilAsync(async () =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT rowid, household_id, seq FROM processed_envelopes WHERE rowid > $last ORDER BY rowid";
            command.Parameters.AddWithValue("$last", lastRow);
            await using var reader = await command.ExecuteReaderAsync();
            var seenAt = now();
            while (await reader.ReadAsync())
            {
                lastRow = reader.GetInt64(0);
                committed[(reader.GetString(1), reader.GetInt64(2))] = seenAt;
            }

            return committed.Count >= count;
        }, "the core to commit every envelope");
        return committed;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataPath, recursive: true);
    }
}
