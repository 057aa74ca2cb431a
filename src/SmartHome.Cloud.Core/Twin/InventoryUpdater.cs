using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Cloud.Core.Twin;

/// <summary>
/// Inventory operations in event time, whatever order they arrive in. An operation on an item not added yet waits
/// in <see cref="HouseholdTwin.EarlyInventory"/> for its "added"; moves are kept per item and replayed in order;
/// a use or removal older than a later restock is already counted in it. Records older than the item's removal are
/// ignored, so a late "added" cannot bring back what was eaten. Consumption subtracts, so the host must not apply
/// the same envelope twice (it dedupes by gateway and seq).
/// </summary>
internal sealed class InventoryUpdater(CoreOptions options)
{
    /// <summary>Bounds <see cref="HouseholdTwin.EarlyInventory"/>.</summary>
    public const int MaxEarlyOps = 1_000;

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
            return Add(twin, itemId, record) is { } added ? ApplyEarlyOps(twin, added) : [];
        }

        var operation = new InventoryOpRecord
        {
            ItemId = itemId, Op = op, At = record.At, ApplianceId = record.Appliance, Quantity = record.Quantity, Location = record.Location,
        };
        var item = twin.FindItem(itemId);
        if (item is null)
        {
            KeepEarly(twin, operation);
            return [];
        }

        return operation.At < item.AddedAt ? [] : ApplyTo(twin, item, operation);
    }

    private IEnumerable<TwinChange> ApplyTo(HouseholdTwin twin, InventoryItem item, InventoryOpRecord operation)
    {
        item.UpdatedAt = Later(item.UpdatedAt, operation.At);
        var restocked = item.RestockedAt is { } restock && operation.At < restock;
        switch (operation.Op)
        {
            case InventoryOp.Removed when !restocked:
                Remove(twin, item, InventoryOp.Removed, item.UpdatedAt);
                return [new ItemRanOut(item, item.UpdatedAt)];
            case InventoryOp.Consumed when !restocked:
                var consumed = new ItemConsumed(item, Math.Min(item.Quantity, operation.Quantity ?? item.Quantity), operation.At);
                item.Quantity = Math.Max(0, item.Quantity - consumed.Quantity);
                if (item.Quantity < Nothing)
                {
                    // It ran out with the newest use, even when an older one arrived last.
                    item.Quantity = 0;
                    Remove(twin, item, InventoryOp.Consumed, item.UpdatedAt);
                    return [consumed, new ItemRanOut(item, item.UpdatedAt)];
                }

                return [consumed];
            case InventoryOp.Opened:
                // Opened twice (a late record): the first opening started the clock.
                item.OpenedAt = item.OpenedAt is { } opened && opened < operation.At ? opened : operation.At;
                break;
            case InventoryOp.Moved when operation.Location is not null:
                AddMove(item, operation);
                break;
        }

        return [];
    }

    private static InventoryItem? Add(HouseholdTwin twin, string itemId, TelemetryRecord record)
    {
        var gone = twin.RecentlyGone.FindLastIndex(g => g.ItemId == itemId);
        if (gone >= 0 && record.At <= twin.RecentlyGone[gone].At)
        {
            return null;
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
            return null;
        }
        else if (record.Quantity is not null)
        {
            item.RestockedAt = record.At;
        }

        // A repeated "added" refreshes what it says and leaves the rest.
        item.Name = record.Name ?? item.Name;
        item.Barcode = record.Barcode ?? item.Barcode;
        item.Category = record.Category ?? item.Category;
        item.Unit = record.Unit ?? item.Unit;
        item.BestBefore = record.BestBefore ?? item.BestBefore;
        item.Quantity = record.Quantity ?? item.Quantity;
        item.UpdatedAt = record.At;
        if (record.Location is { } newLocation && newLocation != item.Location)
        {
            AddMove(item, new InventoryOpRecord { ItemId = itemId, Op = InventoryOp.Moved, At = record.At, ApplianceId = record.Appliance, Location = newLocation });
        }

        return item;
    }

    private static void KeepEarly(HouseholdTwin twin, InventoryOpRecord operation)
    {
        var gone = twin.RecentlyGone.FindLast(g => g.ItemId == operation.ItemId);
        if (gone is not null && operation.At <= gone.At)
        {
            return;
        }

        twin.EarlyInventory.Add(operation);
        if (twin.EarlyInventory.Count > MaxEarlyOps)
        {
            twin.EarlyInventory.RemoveRange(0, twin.EarlyInventory.Count - MaxEarlyOps);
        }
    }

    /// <summary>Applies, in event time, what arrived for the item before its "added"; older operations were about an earlier item of that id.</summary>
    private List<TwinChange> ApplyEarlyOps(HouseholdTwin twin, InventoryItem item)
    {
        var early = twin.EarlyInventory.Where(o => o.ItemId == item.ItemId).OrderBy(o => o.At).ToList();
        twin.EarlyInventory.RemoveAll(o => o.ItemId == item.ItemId);
        var changes = new List<TwinChange>();
        foreach (var operation in early.Where(o => o.At >= item.AddedAt))
        {
            if (twin.FindItem(item.ItemId) is null)
            {
                break;
            }

            changes.AddRange(ApplyTo(twin, item, operation));
        }

        return changes;
    }

    /// <summary>Inserts the move in event time and derives where the item is and its freezing story from all of them.</summary>
    private static void AddMove(InventoryItem item, InventoryOpRecord move)
    {
        item.Moves ??= [new InventoryOpRecord { ItemId = item.ItemId, Op = InventoryOp.Added, At = item.AddedAt, ApplianceId = item.ApplianceId, Location = item.Location }];
        var index = item.Moves.FindLastIndex(m => m.At <= move.At);
        item.Moves.Insert(index + 1, move);

        var first = item.Moves[0];
        item.Location = first.Location!.Value;
        item.LocationSince = first.At;
        item.ApplianceId = first.ApplianceId;
        item.FrozenAt = item.Location == StorageLocation.Freezer ? first.At : null;
        item.ThawedAt = null;
        foreach (var next in item.Moves.Skip(1).Where(m => m.Location is not null))
        {
            var location = next.Location!.Value;
            if (location == item.Location)
            {
                continue;
            }

            if (location == StorageLocation.Freezer)
            {
                item.FrozenAt = next.At;
            }
            else if (item.Location == StorageLocation.Freezer)
            {
                item.ThawedAt = next.At;
            }

            item.Location = location;
            item.LocationSince = next.At;
            item.ApplianceId = next.ApplianceId;
        }
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
