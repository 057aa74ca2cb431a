using SmartHome.Cloud.Core.Twin;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;

namespace SmartHome.Cloud.UnitTests.Storage;

public sealed class HouseholdStoreTests : IAsyncLifetime
{
    private CloudTestHost host = null!;

    public async Task InitializeAsync() => host = await CloudTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ChangeAsync_ConcurrentChangesOfOneHousehold_LoseNoUpdate()
    {
        var sut = host.Service<HouseholdStore>();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            sut.ChangeAsync("busy-home", null, twin =>
            {
                twin.Gateways.Add(new Gateway { GatewayId = $"gw-{i}" });
                return [];
            }, CancellationToken.None))));

        var twin = await sut.FindTwinAsync("busy-home", CancellationToken.None);
        Assert.Equal(20, twin!.Gateways.Select(g => g.GatewayId).Distinct().Count());
    }

    [Fact]
    public async Task ChangeAsync_SameEnvelopeKeyTwice_SecondIsDuplicateAndChangesNothing()
    {
        var sut = host.Service<HouseholdStore>();
        var key = new EnvelopeKey("gw-1", 42, Guid.NewGuid());

        var first = await sut.ChangeAsync("home-1", key, twin => { twin.Gateways.Add(new Gateway { GatewayId = "first" }); return []; }, CancellationToken.None);
        var second = await sut.ChangeAsync("home-1", key, twin => { twin.Gateways.Add(new Gateway { GatewayId = "second" }); return []; }, CancellationToken.None);

        Assert.False(first.IsDuplicate);
        Assert.True(second.IsDuplicate);
        Assert.Equal(["first"], (await sut.FindTwinAsync("home-1", CancellationToken.None))!.Gateways.Select(g => g.GatewayId));
    }

    [Fact]
    public async Task ChangeAsync_SameEventRaisedTwice_StoresItOnceWithOneDeliveryPerMatchingSubscription()
    {
        var (partnerId, _) = await host.CreatePartnerAsync();
        var subscriptions = host.Service<SubscriptionStore>();
        await subscriptions.AddAsync(new SubscriptionRecord("sub-match", partnerId, ["shg.stock.*"], null, true, SubscriptionStatus.Active, DateTimeOffset.UtcNow), "whsec_AAAA", CancellationToken.None);
        await subscriptions.AddAsync(new SubscriptionRecord("sub-other", partnerId, ["shg.food.*"], null, true, SubscriptionStatus.Active, DateTimeOffset.UtcNow), "whsec_AAAA", CancellationToken.None);
        var sut = host.Service<HouseholdStore>();
        var needEvent = TestEvents.StockLow("home-2");

        var first = await sut.ChangeAsync("home-2", null, _ => [needEvent], CancellationToken.None);
        var second = await sut.ChangeAsync("home-2", null, _ => [needEvent], CancellationToken.None);

        Assert.Equal((1, 1), (first.EventsRaised, first.DeliveriesQueued));
        Assert.Equal((0, 0), (second.EventsRaised, second.DeliveriesQueued));
        var deliveries = await host.Service<DeliveryStore>().ListAsync(partnerId, null, 10, CancellationToken.None);
        Assert.Equal("sub-match", Assert.Single(deliveries).SubscriptionId);
    }
}
