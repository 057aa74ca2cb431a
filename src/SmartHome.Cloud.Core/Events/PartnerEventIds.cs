namespace SmartHome.Cloud.Core.Events;

/// <summary>
/// The id a partner sees for a need event (the CloudEvent <c>id</c> and the <c>webhook-id</c>): a name-based UUID of
/// partner and event. Stable across a delivery's retries, so the partner can dedupe by it, and different for every
/// partner, so partners cannot join their pseudonymous household references on a shared event id.
/// </summary>
public static class PartnerEventIds
{
    private static readonly Guid PartnerEventNamespace = new("8d3e6b2a-71c4-4f09-a5d8-2c6e9f1b7a43");

    public static string For(string partnerId, string eventId)
    {
        ArgumentNullException.ThrowIfNull(partnerId);
        ArgumentNullException.ThrowIfNull(eventId);
        return DeterministicGuid.Create(PartnerEventNamespace, $"{partnerId}\n{eventId}").ToString();
    }
}
