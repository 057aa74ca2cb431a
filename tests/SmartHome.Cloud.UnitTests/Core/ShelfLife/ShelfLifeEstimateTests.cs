using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.ShelfLife;

public class ShelfLifeEstimateTests
{
    private readonly FakeTimeProvider _time = new(Start.AddDays(1));

    [Fact]
    public void Apply_NoLabel_EstimatesFromTheCatalogDaysForItsPlace()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Added("milk-1", Start)));

        var item = twin.Inventory[0];
        Assert.Equal((Today.AddDays(7), true), (item.EstimatedBestBefore!.Value, item.Estimated));
        Assert.Equal("no label: milk, about 7 days in the fridge", item.EstimateReason);
    }

    [Fact]
    public void Apply_NoLabelInThePantry_UsesPantryDays()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Added("bread-1", Start, name: "Sourdough bread", category: "bakery", location: StorageLocation.Pantry)));

        Assert.Equal(Today.AddDays(14), twin.Inventory[0].EstimatedBestBefore);
    }

    [Fact]
    public void Apply_OpenedWithLabelFarAway_UseWithinTheAfterOpeningDays()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(
            Added("cheddar-1", Start, name: "Cheddar", category: "cheese", bestBefore: Today.AddDays(60)),
            Inventory(InventoryOp.Opened, "cheddar-1", Start.AddDays(1))));

        var item = twin.Inventory[0];
        Assert.Equal((Today.AddDays(22), true, Today.AddDays(60)), (item.EstimatedBestBefore!.Value, item.Estimated, item.BestBefore!.Value));
        Assert.Equal("opened on 24 Nov: use within 21 days", item.EstimateReason);
    }

    [Fact]
    public void Apply_OpenedWithLabelSooner_KeepsTheLabel()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(3)), Inventory(InventoryOp.Opened, "milk-1", Start)));

        var item = twin.Inventory[0];
        Assert.Equal((Today.AddDays(3), false), (item.EstimatedBestBefore!.Value, item.Estimated));
        Assert.Null(item.EstimateReason);
    }

    [Fact]
    public void Apply_FrozenBeforeItsDate_KeepsForTheFreezerDays()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(
            Added("chicken-1", Start, name: "Chicken thighs", category: "meat", bestBefore: Today.AddDays(2)),
            Inventory(InventoryOp.Moved, "chicken-1", Start.AddDays(1), location: StorageLocation.Freezer)));

        var item = twin.Inventory[0];
        Assert.Equal(Today.AddDays(1 + 270), item.EstimatedBestBefore);
        Assert.StartsWith("frozen on 24 Nov", item.EstimateReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_FrozenAfterItsDate_StaysExpired()
    {
        _time.Advance(TimeSpan.FromDays(5));
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(
            Added("chicken-1", Start, name: "Chicken thighs", bestBefore: Today.AddDays(1)),
            Inventory(InventoryOp.Moved, "chicken-1", Start.AddDays(3), location: StorageLocation.Freezer)));

        Assert.Equal(Today.AddDays(1), twin.Inventory[0].EstimatedBestBefore);
    }

    [Fact]
    public void Apply_ThawedInTheFridge_UseWithinTheThawingDays()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(
            Added("meal-1", Start, name: "Frozen meal", category: "frozen", location: StorageLocation.Freezer),
            Inventory(InventoryOp.Moved, "meal-1", Start.AddDays(1), location: StorageLocation.Fridge)));

        var item = twin.Inventory[0];
        Assert.Equal(Today.AddDays(2), item.EstimatedBestBefore);
        Assert.Equal("thawed on 24 Nov: use within 1 day", item.EstimateReason);
    }

    [Fact]
    public void Apply_UnknownFoodWithoutLabel_HasNoEstimate()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.Apply(twin, Envelope(Added("box-1", Start, name: "Mystery box", category: null)));

        var item = twin.Inventory[0];
        Assert.Null(item.EstimatedBestBefore);
        Assert.False(item.Estimated);
        Assert.Equal("no label, and no shelf-life figures for it", item.EstimateReason);
    }
}
