namespace SmartHome.Cloud.Storage;

public static class SubscriptionStatus
{
    public const string Active = "active";

    /// <summary>Deleted by its partner; kept so its deliveries keep their history, and never matched again.</summary>
    public const string Deleted = "deleted";

    /// <summary>
    /// Stopped by the cloud: the endpoint answered <c>410 Gone</c>, or accepted nothing for <c>Delivery:DisableAfter</c>.
    /// Its deliveries are <c>held</c> until the partner enables it again.
    /// </summary>
    public const string Disabled = "disabled";
}
