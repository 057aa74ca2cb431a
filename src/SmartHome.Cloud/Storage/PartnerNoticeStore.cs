using System.Data.Common;

namespace SmartHome.Cloud.Storage;

/// <summary>What the cloud tells a partner about its subscriptions (e.g. one was disabled), read at <c>GET /api/v1/partner/notices</c>.</summary>
internal sealed class PartnerNoticeStore(IStoreProvider provider)
{
    /// <summary>The partner's notices, newest first.</summary>
    public async Task<IReadOnlyList<PartnerNotice>> ListAsync(string partnerId, int limit, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await using var command = connection.Command("""
            SELECT id, partner_id, subscription_id, kind, message, created_at FROM partner_notices
            WHERE partner_id = @partner ORDER BY created_at DESC, id DESC LIMIT @limit
            """).With("@partner", partnerId).With("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var notices = new List<PartnerNotice>();
        while (await reader.ReadAsync(ct))
        {
            notices.Add(new PartnerNotice(
                reader.GetString(0), reader.GetString(1), reader.GetNullableString(2), reader.GetString(3), reader.GetString(4), Sql.FromUnixMs(reader.GetInt64(5))));
        }

        return notices;
    }

    /// <summary>Adds a notice inside the caller's transaction, so it is stored exactly when what it tells of is.</summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, PartnerNotice notice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        await using var command = connection.Command("""
            INSERT INTO partner_notices (id, partner_id, subscription_id, kind, message, created_at)
            VALUES (@id, @partner, @subscription, @kind, @message, @created)
            """, transaction)
            .With("@id", notice.Id).With("@partner", notice.PartnerId).With("@subscription", notice.SubscriptionId)
            .With("@kind", notice.Kind).With("@message", notice.Message).With("@created", notice.CreatedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(ct);
    }
}

public sealed record PartnerNotice(string Id, string PartnerId, string? SubscriptionId, string Kind, string Message, DateTimeOffset CreatedAt);

public static class PartnerNoticeKinds
{
    /// <summary>The cloud disabled a subscription (410 Gone, or nothing accepted for <c>Delivery:DisableAfter</c>); the message says why.</summary>
    public const string SubscriptionDisabled = "subscription-disabled";
}
