namespace SmartHome.Cloud.Storage;

/// <summary>
/// A delivery's life: <c>pending</c> (not tried yet) → <c>delivered</c>; or <c>failed</c> (an attempt failed, another
/// is scheduled) → … → <c>dead</c> (the retry schedule ran out, or, untried, the event's body is over
/// <c>Delivery:MaxEventBytes</c>); or <c>cancelled</c> (at delivery time the household
/// had not consented, or the subscription was gone, or the event was stale: never sent); or <c>superseded</c> (a newer
/// event about the same subject for the same subscription made it pointless: never sent); or <c>held</c> (its
/// subscription was disabled: kept, and due again when the partner enables it). A <c>dead</c> delivery can be redriven:
/// <c>pending</c> (never tried) or <c>failed</c> again with a fresh budget.
/// </summary>
public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Dead = "dead";
    public const string Cancelled = "cancelled";
    public const string Held = "held";
    public const string Superseded = "superseded";

    public static IReadOnlyList<string> All { get; } = [Pending, Delivered, Failed, Dead, Cancelled, Held, Superseded];
}
