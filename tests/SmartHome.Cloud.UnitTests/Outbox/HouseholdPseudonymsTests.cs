using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.UnitTests.Hosting;

namespace SmartHome.Cloud.UnitTests.Outbox;

public sealed class HouseholdPseudonymsTests : IAsyncLifetime
{
    private CloudTestHost host = null!;

    public async Task InitializeAsync() => host = await CloudTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ForPartnerAsync_SamePartner_IsStable()
    {
        var sut = host.Service<HouseholdPseudonyms>();

        var first = await sut.ForPartnerAsync("partner-a", "home-1", CancellationToken.None);
        var second = await sut.ForPartnerAsync("partner-a", "home-1", CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(HouseholdPseudonyms.Length, first.Length);
        Assert.DoesNotContain("home-1", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForPartnerAsync_DifferentPartnersOrHouseholds_Differ()
    {
        var sut = host.Service<HouseholdPseudonyms>();

        var refs = new[]
        {
            await sut.ForPartnerAsync("partner-a", "home-1", CancellationToken.None),
            await sut.ForPartnerAsync("partner-b", "home-1", CancellationToken.None),
            await sut.ForPartnerAsync("partner-a", "home-2", CancellationToken.None),
        };

        Assert.Equal(3, refs.Distinct().Count());
    }

    [Fact]
    public async Task SubjectForPartnerAsync_KeepsTheKindHidesTheIdsAndIsStablePerSubject()
    {
        var sut = host.Service<HouseholdPseudonyms>();

        var milk = await sut.SubjectForPartnerAsync("partner-a", "home-1", "items/milk-1", CancellationToken.None);
        var milkAgain = await sut.SubjectForPartnerAsync("partner-a", "home-1", "items/milk-1", CancellationToken.None);
        var milkForB = await sut.SubjectForPartnerAsync("partner-b", "home-1", "items/milk-1", CancellationToken.None);
        var door = await sut.SubjectForPartnerAsync("partner-a", "home-1", "appliances/demo-fridge/doors/main", CancellationToken.None);

        Assert.Equal(milk, milkAgain);
        Assert.StartsWith("items/", milk, StringComparison.Ordinal);
        Assert.DoesNotContain("milk-1", milk, StringComparison.Ordinal);
        Assert.NotEqual(milk, milkForB);
        Assert.StartsWith("appliances/", door, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-fridge", door, StringComparison.Ordinal);
    }
}
