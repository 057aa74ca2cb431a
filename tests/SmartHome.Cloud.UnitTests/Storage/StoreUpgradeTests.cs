using Microsoft.Data.Sqlite;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Storage;

/// <summary>A store made by an earlier release (at migration 1) is brought up to date when the cloud starts on it.</summary>
public sealed class StoreUpgradeTests
{
    [Fact]
    public async Task AStoreOfTheReleaseBeforePartnerDelivery_IsMigratedAndItsQueuedDeliveryIsSentWithItsSubjectFilledIn()
    {
        var path = CloudTestHost.NewDatabasePath();
        try
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            const string data = """{"name":"Milk","category":"dairy"}""";
            await using (var connection = new SqliteConnection($"Data Source={path}"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                // Migration 1 as released (a released migration is never edited; the positional INSERTs below pin the
                // released columns of the tables they fill).
                command.CommandText = SqliteSchema.Migrations[0].Sql + $"""
                    CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL);
                    INSERT INTO schema_migrations VALUES (1, 'initial', {now});
                    INSERT INTO partners VALUES ('prt-old', 'FreshMart', 'grocery', 'hash-of-an-old-key', {now});
                    INSERT INTO subscriptions VALUES ('sub-old', 'prt-old', '["shg.*"]', '{receiver.Url.AbsoluteUri}', '{StandardWebhookSigner.NewSecret()}', 0, 'active', {now});
                    INSERT INTO consents VALUES ('home-old', 'prt-old', '["shg.*"]', {now});
                    INSERT INTO events VALUES ('event-old', 'home-old', 'shg.stock.low.v1', 'items/milk-1', '{DateTimeOffset.UtcNow:O}', '{data}', {now});
                    INSERT INTO deliveries (id, event_id, subscription_id, partner_id, status, attempts, next_attempt_at, created_at, updated_at)
                    VALUES ('delivery-old', 'event-old', 'sub-old', 'prt-old', 'pending', 0, {now}, {now}, {now});
                    """;
                await command.ExecuteNonQueryAsync();
            }

            SqliteConnection.ClearAllPools();
            await using var sut = await CloudTestHost.StartAsync(databasePath: path);

            await Eventually.TrueAsync(() => Task.FromResult(receiver.Received.Count == 1), Wait.Timeout, "the delivery queued before the upgrade");
            await using var check = await sut.Service<SmartHome.Cloud.Storage.IStoreProvider>().OpenAsync(CancellationToken.None);
            await using var subject = check.CreateCommand();
            subject.CommandText = "SELECT subject FROM deliveries WHERE id = 'delivery-old'";
            Assert.Equal("items/milk-1", await subject.ExecuteScalarAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
