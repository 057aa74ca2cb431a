using SmartHome.FirmwareSim.Simulation;

namespace SmartHome.FirmwareSim.Household;

/// <summary>What a lived-in fridge holds when the simulation starts.</summary>
internal static class StartingStock
{
    private const double ChanceOfEachOtherProduct = 0.7;

    public static void Fill(HouseholdStock stock, DateOnly today, Random random)
    {
        // A few items close to their best-before, so the cloud has something to warn about right after start.
        stock.Add(ProductCatalog.Milk, ProductCatalog.Milk.PackQuantity, today.AddDays(1));
        stock.Add(ProductCatalog.Yoghurt, ProductCatalog.Yoghurt.PackQuantity, today.AddDays(1));
        stock.Add(ProductCatalog.LeftoverLasagne, ProductCatalog.LeftoverLasagne.PackQuantity, today.AddDays(random.Next(0, 2)));

        foreach (var product in ProductCatalog.Packaged)
        {
            if (product == ProductCatalog.Milk || product == ProductCatalog.Yoghurt || !random.NextChance(ChanceOfEachOtherProduct))
            {
                continue;
            }

            var daysLeft = random.Next(3, Math.Max(4, product.ShelfLifeDays + 1));
            stock.Add(product, product.PackQuantity, today.AddDays(daysLeft));
        }
    }
}
