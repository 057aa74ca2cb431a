namespace SmartHome.Cloud.Core.Events;

/// <summary>
/// A need event's id names the situation, not the moment it was noticed: household, type, subject and occurrence
/// (e.g. the best-before date an item is expiring on, or the start of an excursion) hashed into a name-based UUID.
/// Evaluating the same situation again, on this replica or another, gives the same id, so the host can dedupe by it
/// and partners by the webhook-id.
/// </summary>
internal static class NeedEventIds
{
    private static readonly Guid EventNamespace = new("5f0a7c8e-3b1d-4c2a-9e6f-1d2b3c4d5e6f");

    public static string For(string householdId, string type, string subject, string occurrence)
    {
        ArgumentNullException.ThrowIfNull(householdId);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(occurrence);
        return DeterministicGuid.Create(EventNamespace, $"{householdId}\n{type}\n{subject}\n{occurrence}").ToString();
    }
}
