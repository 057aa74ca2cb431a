using System.Data.Common;

namespace SmartHome.Cloud.Storage;

/// <summary>
/// Cancelling deliveries not made yet (<c>pending</c>, <c>failed</c> with a retry scheduled, or <c>held</c> for a disabled
/// subscription) inside another store's transaction. The claim token is left alone: an attempt already under way
/// finishes and is recorded, and the delivery stays cancelled unless that attempt delivered it; one claimed but not
/// started checks consent and the subscription again before sending.
/// </summary>
internal static class QueuedDeliveries
{
    public const string IsQueued = "status IN (@pending, @failed, @held)";

    public const string CancelSet = "status = @cancelled, last_error = @reason, updated_at = @now";

    /// <summary>Binds the parameters of <see cref="IsQueued"/>.</summary>
    public static DbCommand WithQueued(this DbCommand command) =>
        command.With("@pending", DeliveryStatus.Pending).With("@failed", DeliveryStatus.Failed).With("@held", DeliveryStatus.Held);

    /// <summary>Binds the parameters of <see cref="IsQueued"/> and <see cref="CancelSet"/>.</summary>
    public static DbCommand WithCancellation(this DbCommand command, string reason, DateTimeOffset now) =>
        command.WithQueued().With("@cancelled", DeliveryStatus.Cancelled).With("@reason", reason).With("@now", now.ToUnixTimeMilliseconds());

    /// <summary>The <c>last_error</c> of a delivery a newer one made pointless.</summary>
    public static string SupersededBy(string newerDeliveryId) => $"superseded by delivery {newerDeliveryId}";
}
