using SmartHome.Contracts.ApplianceLink;
using SmartHome.FirmwareSim.Simulation;

namespace SmartHome.FirmwareSim.Household;

/// <summary>
/// A household that opens the door around the clock, <c>DoorOpeningMeanInterval</c> apart on average (a Poisson
/// process), so a demo shows door traffic whatever the time of day. Each visit takes a portion of something, opens a
/// pack, or puts a new pack away.
/// </summary>
internal sealed class DemoHousehold(HouseholdStock stock, Random random, TimeSpan meanInterval) : IHousehold
{
    private const double ChanceOfUsingFridgeWhileOpen = 0.7;
    private const double ChanceOfPuttingShoppingAway = 0.2;
    private static readonly TimeSpan ShortestOpening = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan LongestOpening = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan FirstUseAfterOpening = TimeSpan.FromSeconds(2);

    private static readonly Product[] KeptInFridge = [.. ProductCatalog.Packaged.Where(p => p.Location == StorageLocation.Fridge)];

    private bool _openedBefore;

    public DateTimeOffset NextOpeningAt(DateTimeOffset notBefore)
    {
        if (_openedBefore)
        {
            return notBefore + random.NextExponential(meanInterval);
        }

        // The first opening comes early, so a demo shows door traffic within the first minute or so.
        _openedBefore = true;
        return notBefore + random.NextBetween(meanInterval * 0.1, meanInterval * 0.33);
    }

    public FridgeVisit Open(DateTimeOffset now)
    {
        var openFor = random.NextBetween(ShortestOpening, LongestOpening);
        return new(openFor, random.NextChance(ChanceOfUsingFridgeWhileOpen) ? random.NextBetween(FirstUseAfterOpening, openFor - TimeSpan.FromSeconds(1)) : null);
    }

    public void Use(DateTimeOffset now, List<InventoryChange> changes)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var inFridge = stock.Items.Where(i => i.Product.Location == StorageLocation.Fridge).ToList();
        if (inFridge.Count == 0 || random.NextChance(ChanceOfPuttingShoppingAway))
        {
            stock.Buy(KeptInFridge[random.Next(KeptInFridge.Length)], today, random, changes);
            return;
        }

        var item = inFridge[random.Next(inFridge.Count)];
        stock.Use(item, item.Product.Portion, changes);
    }
}
