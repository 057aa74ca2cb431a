using SmartHome.FirmwareSim.Household;

namespace SmartHome.FirmwareSim.UnitTests.Household;

public sealed class StartingStockTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fill_AnySeed_PutsMilkYoghurtAndLeftoversCloseToTheirBestBefore(int seed)
    {
        var sut = new HouseholdStock();

        StartingStock.Fill(sut, Today, new Random(seed));

        Assert.Equal(Today.AddDays(1), sut.Items.Single(i => i.ItemId == "milk-1").BestBefore);
        Assert.Equal(Today.AddDays(1), sut.Items.Single(i => i.ItemId == "yoghurt-1").BestBefore);
        Assert.InRange(sut.Items.Single(i => i.Product.MadeAtHome).BestBefore, Today, Today.AddDays(1));
        Assert.All(sut.Items, item => Assert.InRange(item.BestBefore, Today, Today.AddDays(item.Product.BestBeforeDays.Max)));
    }

    [Fact]
    public void Add_SameProductTwice_GivesEachItemItsOwnId()
    {
        var sut = new HouseholdStock();
        var milk = ProductCatalog.Get("milk");

        var first = sut.Add(milk, 1, Today);
        var second = sut.Add(milk, 1, Today);

        Assert.Equal("milk-1", first.ItemId);
        Assert.Equal("milk-2", second.ItemId);
    }
}
