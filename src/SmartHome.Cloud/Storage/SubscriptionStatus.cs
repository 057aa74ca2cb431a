namespace SmartHome.Cloud.Storage;

public static class SubscriptionStatus
{
    public const string Active = "active";

    /// <summary>Deleted by its partner; kept so its deliveries keep their history, and never matched again.</summary>
    public const string Deleted = "deleted";
}
