using System.Globalization;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Core.Rules;

/// <summary>
/// <c>shg.stock.low.v1</c>, two ways. With a <see cref="MinimumStock"/> setting: once when the stock it covers falls
/// below it, and not again until it has been restocked to the minimum or above. Without one: when the last item of
/// a product (same name or barcode) is consumed or removed, once per item.
/// </summary>
internal sealed class StockLowRule : INeedRule
{
    public void OnChange(RuleContext context, TwinChange change)
    {
        if (change is not ItemRanOut { Item: var item } ranOut
            || context.Twin.Settings.MinimumStock.Exists(m => m.Covers(item))
            || context.Twin.Inventory.Exists(other => SameProduct(other, item)))
        {
            return;
        }

        context.Raise(
            NeedEventTypes.StockLow,
            Subjects.Item(item.ItemId),
            item.AddedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            ranOut.At,
            new StockLowData
            {
                Name = item.DisplayName,
                Category = item.Category,
                Barcode = item.Barcode,
                Quantity = 0,
                Unit = item.Unit,
            },
            ContractsJsonContext.Default.StockLowData);
    }

    public void Evaluate(RuleContext context, DateTimeOffset now)
    {
        var twin = context.Twin;
        var minimums = twin.Settings.MinimumStock;
        twin.StockLowReported.RemoveAll(key => !minimums.Exists(m => m.Key == key));
        foreach (var minimum in minimums)
        {
            if (Quantities.Normalize(minimum.Quantity, minimum.Unit) is not { } wanted)
            {
                continue;
            }

            var covered = twin.Inventory.Where(minimum.Covers).ToList();
            var stock = covered.Sum(item => Amount(item, wanted.Kind));
            if (stock >= wanted.Amount)
            {
                twin.StockLowReported.Remove(minimum.Key);
                continue;
            }

            if (twin.StockLowReported.Contains(minimum.Key))
            {
                continue;
            }

            twin.StockLowReported.Add(minimum.Key);
            var fellBelow = LatestChange(twin, minimum, covered) ?? now;
            context.Raise(
                NeedEventTypes.StockLow,
                Subjects.Stock(minimum.Key),
                fellBelow.UtcTicks.ToString(CultureInfo.InvariantCulture),
                fellBelow,
                new StockLowData
                {
                    Name = minimum.Product ?? minimum.Category!,
                    Category = minimum.Category ?? covered.Select(i => i.Category).FirstOrDefault(c => c is not null),
                    Barcode = covered.Select(i => i.Barcode).FirstOrDefault(b => b is not null),
                    Quantity = Math.Round(stock / (wanted.Amount / minimum.Quantity), 3),
                    MinimumQuantity = minimum.Quantity,
                    Unit = minimum.Unit,
                },
                ContractsJsonContext.Default.StockLowData);
        }
    }

    /// <summary>An item's share of the stock: its quantity in litres or kilograms, or as pieces, where a pack measured otherwise counts as one.</summary>
    private static double Amount(InventoryItem item, QuantityKind kind) =>
        Quantities.Normalize(item.Quantity, item.Unit) is { } have
            ? have.Kind == kind ? have.Amount : kind == QuantityKind.Pieces ? 1 : 0
            : kind == QuantityKind.Pieces ? 1 : 0;

    /// <summary>The event time of the newest record that changed the covered stock: an item's update or its leaving.</summary>
    private static DateTimeOffset? LatestChange(HouseholdTwin twin, MinimumStock minimum, List<InventoryItem> covered) =>
        covered.Select(i => (DateTimeOffset?)i.UpdatedAt)
            .Concat(twin.RecentlyGone
                .Where(g => minimum.Covers(g.Name, barcode: null, g.Category))
                .Select(g => (DateTimeOffset?)g.At))
            .Max();

    private static bool SameProduct(InventoryItem a, InventoryItem b) =>
        (a.Barcode is not null && a.Barcode == b.Barcode)
        || (a.Name is not null && string.Equals(a.Name.Trim(), b.Name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
