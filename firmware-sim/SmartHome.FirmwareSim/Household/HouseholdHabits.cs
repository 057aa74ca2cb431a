using SmartHome.Contracts.ApplianceLink;
using SmartHome.FirmwareSim.Simulation;

namespace SmartHome.FirmwareSim.Household;

/// <summary>
/// What the household does while the fridge's main door is open: take a portion of something, open a pack, or put
/// shopping away. The freezer has a door of its own, so its contents stay as they are.
/// </summary>
internal static class HouseholdHabits
{
    private const double ChanceOfPuttingShoppingAway = 0.2;

    private static readonly Product[] KeptInFridge = [.. ProductCatalog.All.Where(p => p.Location == StorageLocation.Fridge)];

    public static IReadOnlyList<InventoryChange> UseFridge(HouseholdStock stock, Random random, DateOnly today)
    {
        var inFridge = stock.Items.Where(i => i.Product.Location == StorageLocation.Fridge).ToList();
        if (inFridge.Count == 0 || random.NextChance(ChanceOfPuttingShoppingAway))
        {
            var product = KeptInFridge[random.Next(KeptInFridge.Length)];
            var bought = stock.Add(product, product.PackQuantity, today.AddDays(product.ShelfLifeDays));
            return [InventoryChanges.Added(bought)];
        }

        var item = inFridge[random.Next(inFridge.Count)];
        if (item.Product.Sealed && !item.Opened)
        {
            item.Opened = true;
            return [InventoryChanges.Opened(item)];
        }

        var amount = Math.Min(item.Product.Portion, item.Quantity);
        item.Quantity = Math.Round(item.Quantity - amount, 3);
        if (item.Quantity > 0)
        {
            return [InventoryChanges.Consumed(item, amount)];
        }

        stock.Remove(item);
        return [InventoryChanges.Consumed(item, amount), InventoryChanges.Removed(item)];
    }
}
