namespace SmartHome.Cloud.Core.Twin;

/// <summary>
/// The household's live picture, built from its gateways' telemetry in event time. The host persists it as one
/// JSON document per household (<see cref="Serialization.TwinSerializer"/>) and returns it as-is to householders.
/// Not thread-safe: the host applies one household's telemetry at a time.
/// </summary>
public sealed class HouseholdTwin
{
    public required string HouseholdId { get; init; }
    public HouseholdSettings Settings { get; set; } = new();
    public List<Gateway> Gateways { get; set; } = [];
    public List<Appliance> Appliances { get; set; } = [];
    public List<InventoryItem> Inventory { get; set; } = [];

    /// <summary>Items that ran out or were removed lately, newest last, so late records cannot bring them back.</summary>
    public List<GoneItem> RecentlyGone { get; set; } = [];

    /// <summary>
    /// Inventory operations that arrived before their item's "added" (live records overtaking a replayed backlog),
    /// oldest first, applied in event time when it comes; the oldest are dropped beyond a bound.
    /// </summary>
    public List<InventoryOpRecord> EarlyInventory { get; set; } = [];

    /// <summary>The <see cref="MinimumStock.Key"/>s now below their minimum and reported, until restocked.</summary>
    public List<string> StockLowReported { get; set; } = [];

    /// <summary>Consumption by week and category, for the weekly diet summary.</summary>
    public DietLog Diet { get; set; } = new();

    /// <summary>The household's day whose expiring-food digest was made (see <see cref="Notifications.ExpiringDigest"/>).</summary>
    public DateOnly? ExpiringDigestOn { get; set; }

    /// <summary>Notifications told lately (to hold back repeats) and those waiting for the next digest.</summary>
    public NotificationLog Notified { get; set; } = new();

    /// <summary>When the engine last changed the twin (cloud clock).</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    public Gateway? FindGateway(string gatewayId) => Gateways.Find(g => g.GatewayId == gatewayId);

    public Appliance? FindAppliance(string applianceId) => Appliances.Find(a => a.ApplianceId == applianceId);

    public InventoryItem? FindItem(string itemId) => Inventory.Find(i => i.ItemId == itemId);
}
