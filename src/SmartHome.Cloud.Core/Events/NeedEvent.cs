using System.Text.Json;

namespace SmartHome.Cloud.Core.Events;

/// <summary>
/// A need event as the core raises it, before any partner sees it: it names the raw household; the delivery side
/// turns it into a CloudEvent per recipient (with that recipient's pseudonymous household reference).
/// </summary>
public sealed record NeedEvent
{
    /// <summary>Unique and stable: the CloudEvent <c>id</c> and the webhook-id of every delivery of it.</summary>
    public required string Id { get; init; }

    public required string Type { get; init; }
    public required string HouseholdId { get; init; }

    /// <summary>The item or appliance the event is about, e.g. <c>items/milk-1</c> or <c>appliances/demo-fridge/fridge</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>Event time: when the situation arose, from the records' own timestamps.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The CloudEvent <c>data</c>: one of the contract's <c>*Data</c> records, serialized.</summary>
    public required JsonElement Data { get; init; }
}
