using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Gateway.Devices.Hx711;
using SmartHome.Gateway.Devices.UnitTests.Support;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.Devices.UnitTests.Hx711;

public sealed class ShelfInventoryTests
{
    private const double Egg = 60;
    private static readonly ShelfItem Eggs = new("eggs-shelf", "Eggs", "4006381333931", "eggs", Egg);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-45, 0)]
    [InlineData(29, 0)]
    [InlineData(30, 1)]
    [InlineData(175, 3)]
    [InlineData(605, 10)]
    public void QuantityOf_Weight_IsRoundedUnitsNeverBelowZero(double grams, int expected) =>
        Assert.Equal(expected, ShelfInventory.QuantityOf(grams, Egg));

    [Fact]
    public void Update_QuantityNotYetStable_ReportsNothingUntilSeenInEnoughReadingsInARow()
    {
        var sut = new ShelfInventory(Eggs, stableReadings: 3);

        Assert.Null(sut.Update(6 * Egg));
        Assert.Null(sut.Update(6 * Egg));
        var change = sut.Update(6 * Egg);

        Assert.NotNull(change);
        Assert.Equal((InventoryOp.Added, "eggs-shelf", "Eggs", "4006381333931", "eggs", 6.0, "pcs"),
            (change.Op, change.ItemId, change.Name, change.Barcode, change.Category, change.Quantity, change.Unit));
        Assert.Equal(6, sut.Quantity);
    }

    [Fact]
    public void Update_SameQuantityAgain_ReportsNothing()
    {
        var sut = new ShelfInventory(Eggs, stableReadings: 1);
        Assert.NotNull(sut.Update(6 * Egg));

        Assert.Null(sut.Update((6 * Egg) + 10));
        Assert.Null(sut.Update((6 * Egg) - 10));
    }

    [Fact]
    public void Update_FirstStableQuantityIsZero_ReportsRemoved()
    {
        var sut = new ShelfInventory(Eggs, stableReadings: 1);

        var change = sut.Update(3);

        Assert.Equal((InventoryOp.Removed, "eggs-shelf", (double?)null), (change!.Op, change.ItemId, change.Quantity));
    }

    [Fact]
    public void Update_QuantityFalls_ReportsConsumedByTheDifference()
    {
        var sut = new ShelfInventory(Eggs, stableReadings: 2);
        sut.Update(6 * Egg);
        sut.Update(6 * Egg);

        Assert.Null(sut.Update(4 * Egg));
        var change = sut.Update(4 * Egg);

        Assert.Equal((InventoryOp.Consumed, 2.0, "pcs"), (change!.Op, change.Quantity, change.Unit));
        Assert.Equal(4, sut.Quantity);
    }

    [Fact]
    public void Update_QuantityRises_ReportsAddedWithTheNewCount()
    {
        var sut = new ShelfInventory(Eggs, stableReadings: 1);
        sut.Update(2 * Egg);

        var change = sut.Update(10 * Egg);

        Assert.Equal((InventoryOp.Added, 10.0), (change!.Op, change.Quantity));
    }

    [Fact]
    public void Update_WeightJittersAroundHalfAUnit_DoesNotFlapTheQuantity()
    {
        var sut = new ShelfInventory(Eggs, stableReadings: 3);
        for (var i = 0; i < 3; i++)
        {
            sut.Update(3 * Egg);
        }

        // 3.5 eggs ± a little: the rounded count alternates 3, 4, 3, 4 and never holds for three readings.
        var changes = Enumerable.Range(0, 50).Select(i => sut.Update((3.5 * Egg) + (i % 2 == 0 ? -2 : 2))).Where(c => c is not null).ToList();

        Assert.Empty(changes);
        Assert.Equal(3, sut.Quantity);
    }

    [Fact]
    public void Update_NoisyLoadCellThroughTheAdc_ReportsEachRealChangeOnce()
    {
        // 60 g eggs at 20 raw units per gram; the ADC adds ±300 raw (±15 g) of noise and, now and then, a spike.
        const double rawPerGram = 20;
        var random = new Random(7);
        var eggs = 6;
        var driver = new SimulatedHx711Driver(new FakeTimeProvider(TestData.Start))
        {
            Conversions = () => 50_000 + (int)(eggs * Egg * rawPerGram) + random.Next(-300, 301) + (random.Next(20) == 0 ? 400_000 : 0),
        };
        using var shelf = new LoadCellShelf(driver.OpenAdc(), rawPerGram, 5, SampleFilter.Median, offset: 50_000);
        var sut = new ShelfInventory(Eggs, stableReadings: 3);
        var changes = new List<InventoryChange>();

        foreach (var count in new[] { 6, 5, 5, 2 })
        {
            eggs = count;
            for (var i = 0; i < 20; i++)
            {
                Assert.True(shelf.TryReadGrams(out var grams, out var fault), fault);
                if (sut.Update(grams) is { } change)
                {
                    changes.Add(change);
                }
            }
        }

        Assert.Equal([(InventoryOp.Added, 6.0), (InventoryOp.Consumed, 1.0), (InventoryOp.Consumed, 3.0)], changes.Select(c => (c.Op, c.Quantity!.Value)));
    }
}
