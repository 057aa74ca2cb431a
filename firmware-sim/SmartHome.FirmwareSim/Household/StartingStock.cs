using SmartHome.FirmwareSim.Simulation;

namespace SmartHome.FirmwareSim.Household;

/// <summary>What a lived-in fridge holds when the simulation starts.</summary>
internal static class StartingStock
{
    private const double ChanceOfEachOtherProduct = 0.5;

    private static readonly Product Milk = ProductCatalog.Get("milk");
    private static readonly Product Yoghurt = ProductCatalog.Get("yoghurt");

    public static void Fill(HouseholdStock stock, DateOnly today, Random random)
    {
        // A few items close to their best-before, so the cloud has something to warn about right after start.
        stock.Add(Milk, Milk.PackQuantity, today.AddDays(1));
        stock.Add(Yoghurt, Yoghurt.PackQuantity, today.AddDays(1));
        var leftovers = ProductCatalog.Leftovers[random.Next(ProductCatalog.Leftovers.Count)];
        stock.Add(leftovers, leftovers.PackQuantity / 2, today.AddDays(random.Next(0, 2)));

        foreach (var product in ProductCatalog.Packaged)
        {
            if (product == Milk || product == Yoghurt || !random.NextChance(ChanceOfEachOtherProduct))
            {
                continue;
            }

            stock.Add(product, product.PackQuantity, today.AddDays(random.Next(1, product.BestBeforeDays.Max + 1)));
        }
    }
}
