using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Cloud.Core.Twin;

/// <summary>
/// Inventory operations in event time. Records about an item that is not there are ignored, and so are records
/// older than the item's removal, so a late "added" cannot bring back what was eaten. Consumption subtracts, so the
/// host must not apply the same envelope twice (it dedupes by gateway and seq).
/// </summary>
internal sealed class InventoryUpdater(CoreOptions options)
{
    /// <summary>Quantities are decimals (litres, kilograms): below this nothing is left.</summary>
    private const double Nothing = 1e-9;

    public IEnumerable<TwinChange> Apply(HouseholdTwin twin, TelemetryRecord record)
    {
        if (record is not { Op: { } op, ItemId: { } itemId })
        {
            return [];
        }

        if (op == InventoryOp.Added)
        {
            Add(twin, itemId, record);
            return [];
        }

        var item = twin.FindItem(itemId);
        if (item is null || record.At < item.AddedAt)
        {
            return [];
        }

        item.UpdatedAt = Later(item.UpdatedAt, record.At);
        switch (op)
        {
            case InventoryOp.Removed:
                Remove(twin, item, InventoryOp.Removed, record.At);
                break;
            case InventoryOp.Consumed:
                item.Quantity = Math.Max(0, item.Quantity - (record.Quantity ?? item.Quantity));
                if (item.Quantity < Nothing)
                {
                    item.Quantity = 0;
                    Remove(twin, item, InventoryOp.Consumed, record.At);
                    return [new ItemRanOut(item, record.At)];
                }

                break;
            case InventoryOp.Opened:
                // Opened twice (a late record): the first opening started the clock.
                item.OpenedAt = item.OpenedAt is { } opened && opened < record.At ? opened : record.At;
                break;
            case InventoryOp.Moved when record.Location is { } location && record.At >= item.LocationSince:
                Move(item, record.Appliance, location, record.At);
                break;
        }

        return [];
    }

    private static void Add(HouseholdTwin twin, string itemId, TelemetryRecord record)
    {
        var gone = twin.RecentlyGone.FindLastIndex(g => g.ItemId == itemId);
        if (gone >= 0 && record.At <= twin.RecentlyGone[gone].At)
        {
            return;
        }

        var item = twin.FindItem(itemId);
        if (item is null)
        {
            if (gone >= 0)
            {
                twin.RecentlyGone.RemoveAt(gone);
            }

            var location = record.Location ?? StorageLocation.Fridge;
            item = new InventoryItem
            {
                ItemId = itemId,
                ApplianceId = record.Appliance,
                AddedAt = record.At,
                Location = location,
                LocationSince = record.At,
                FrozenAt = location == StorageLocation.Freezer ? record.At : null,
                UpdatedAt = record.At,
            };
            twin.Inventory.Add(item);
        }
        else if (record.At < item.UpdatedAt)
        {
            return;
        }

        // A repeated "added" refreshes what it says and leaves the rest.
        item.Name = record.Name ?? item.Name;
        item.Barcode = record.Barcode ?? item.Barcode;
        item.Category = record.Category ?? item.Category;
        item.Unit = record.Unit ?? item.Unit;
        item.BestBefore = record.BestBefore ?? item.BestBefore;
        item.Quantity = record.Quantity ?? item.Quantity;
        item.UpdatedAt = record.At;
        if (record.Location is { } newLocation)
        {
            Move(item, record.Appliance, newLocation, record.At);
        }
    }

    private static void Move(InventoryItem item, string applianceId, StorageLocation location, DateTimeOffset at)
    {
        if (location == item.Location)
        {
            return;
        }

        if (location == StorageLocation.Freezer)
        {
            item.FrozenAt = at;
        }
        else if (item.Location == StorageLocation.Freezer)
        {
            item.ThawedAt = at;
        }

        item.Location = location;
        item.LocationSince = at;
        item.ApplianceId = applianceId;
    }

    private void Remove(HouseholdTwin twin, InventoryItem item, InventoryOp reason, DateTimeOffset at)
    {
        twin.Inventory.Remove(item);
        twin.RecentlyGone.Add(new GoneItem { ItemId = item.ItemId, Name = item.Name, Category = item.Category, Reason = reason, At = at });
        if (twin.RecentlyGone.Count > options.RecentlyGoneLimit)
        {
            twin.RecentlyGone.RemoveRange(0, twin.RecentlyGone.Count - options.RecentlyGoneLimit);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
