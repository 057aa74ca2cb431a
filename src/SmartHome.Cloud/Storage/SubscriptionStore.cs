using System.Data.Common;

namespace SmartHome.Cloud.Storage;

/// <summary>Partners' subscriptions to need-event types, delivered by webhook or over MQTT.</summary>
internal sealed class SubscriptionStore(IStoreProvider provider, TimeProvider time)
{
    private const string Columns = "id, partner_id, types_json, webhook_url, mqtt, status, created_at, filter_json, disabled_reason";

    /// <summary>Why a deleted subscription's queued deliveries were cancelled.</summary>
    public const string DeletedReason = "the subscription was deleted";

    public async Task AddAsync(SubscriptionRecord subscription, string secret, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO subscriptions (id, partner_id, types_json, webhook_url, secret, mqtt, status, created_at, filter_json)
            VALUES (@id, @partner, @types, @url, @secret, @mqtt, @status, @created, @filter)
            """)
            .With("@id", subscription.Id).With("@partner", subscription.PartnerId).With("@types", StoreJsonContext.ToJson(subscription.Types))
            .With("@url", subscription.WebhookUrl).With("@secret", secret).With("@mqtt", subscription.Mqtt)
            .With("@status", subscription.Status).With("@created", subscription.CreatedAt.ToUnixTimeMilliseconds())
            .With("@filter", StoreJsonContext.FilterToJson(subscription.Filter));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The partner's subscriptions that are not deleted, oldest first.</summary>
    public async Task<IReadOnlyList<SubscriptionRecord>> ListAsync(string partnerId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command($"SELECT {Columns} FROM subscriptions WHERE partner_id = @partner AND status <> @deleted ORDER BY created_at, id")
            .With("@partner", partnerId).With("@deleted", SubscriptionStatus.Deleted);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var subscriptions = new List<SubscriptionRecord>();
        while (await reader.ReadAsync(ct))
        {
            subscriptions.Add(Read(reader));
        }

        return subscriptions;
    }

    /// <summary>The partner's own subscription that is not deleted; null when it has none by that id.</summary>
    public async Task<SubscriptionRecord?> FindAsync(string partnerId, string subscriptionId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command($"SELECT {Columns} FROM subscriptions WHERE id = @id AND partner_id = @partner AND status <> @deleted")
            .With("@id", subscriptionId).With("@partner", partnerId).With("@deleted", SubscriptionStatus.Deleted);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    /// <summary>Whether the partner takes any of its events over MQTT (and so may listen for notices there too).</summary>
    public async Task<bool> UsesMqttAsync(string partnerId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("SELECT COUNT(*) FROM subscriptions WHERE partner_id = @partner AND mqtt AND status <> @deleted")
            .With("@partner", partnerId).With("@deleted", SubscriptionStatus.Deleted);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// Marks the partner's own subscription deleted and, in the same transaction, cancels its deliveries still queued
    /// or retrying; false when it has none by that id.
    /// </summary>
    public async Task<bool> DeleteAsync(string partnerId, string subscriptionId, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var transaction = await provider.BeginWriteAsync(connection, ct);
        await using var command = connection.Command(
            "UPDATE subscriptions SET status = @deleted WHERE id = @id AND partner_id = @partner AND status <> @deleted", transaction)
            .With("@deleted", SubscriptionStatus.Deleted).With("@id", subscriptionId).With("@partner", partnerId);
        if (await command.ExecuteNonQueryAsync(ct) != 1)
        {
            return false;
        }

        await using var cancel = connection.Command(
            $"UPDATE deliveries SET {QueuedDeliveries.CancelSet} WHERE subscription_id = @subscription AND {QueuedDeliveries.IsQueued}", transaction)
            .With("@subscription", subscriptionId).WithCancellation(DeletedReason, time.GetUtcNow());
        await cancel.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Replaces the partner's own subscription's secret; the one it replaces keeps signing too until
    /// <paramref name="previousExpiresAt"/> (a rotation during another's overlap ends that one's). False when the
    /// partner has no such subscription.
    /// </summary>
    public async Task<bool> RotateSecretAsync(string partnerId, string subscriptionId, string newSecret, DateTimeOffset previousExpiresAt, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("""
            UPDATE subscriptions SET previous_secret = secret, previous_secret_expires_at = @expires, secret = @secret
            WHERE id = @id AND partner_id = @partner AND status <> @deleted
            """)
            .With("@expires", previousExpiresAt.ToUnixTimeMilliseconds()).With("@secret", newSecret)
            .With("@id", subscriptionId).With("@partner", partnerId).With("@deleted", SubscriptionStatus.Deleted);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private static SubscriptionRecord Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        StoreJsonContext.TypesFrom(reader.GetString(2)),
        reader.GetNullableString(3),
        reader.GetBoolean(4),
        reader.GetString(5),
        Sql.FromUnixMs(reader.GetInt64(6)),
        StoreJsonContext.FilterFrom(reader.GetNullableString(7)))
    {
        DisabledReason = reader.GetNullableString(8),
    };
}

/// <summary>A subscription; <c>Filter</c> is its attribute filter (see <see cref="Core.Events.EventDataFilter"/>), null for none.</summary>
public sealed record SubscriptionRecord(
    string Id, string PartnerId, IReadOnlyList<string> Types, string? WebhookUrl, bool Mqtt, string Status, DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string[]>? Filter = null)
{
    /// <summary>Why the cloud disabled it, while it is <c>disabled</c>.</summary>
    public string? DisabledReason { get; init; }
}
