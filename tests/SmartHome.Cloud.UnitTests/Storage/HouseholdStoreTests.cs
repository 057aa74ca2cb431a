using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
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
        await host.Service<ConsentStore>().PutAsync("home-2", partnerId, ["shg.*"], CancellationToken.None);
        var sut = host.Service<HouseholdStore>();
        var needEvent = TestEvents.StockLow("home-2");

        var first = await sut.ChangeAsync("home-2", null, _ => [needEvent], CancellationToken.None);
        var second = await sut.ChangeAsync("home-2", null, _ => [needEvent], CancellationToken.None);

        Assert.Equal((1, 1), (first.EventsRaised, first.DeliveriesQueued));
        Assert.Equal((0, 0), (second.EventsRaised, second.DeliveriesQueued));
        var deliveries = await host.Service<DeliveryStore>().ListAsync(partnerId, null, 10, CancellationToken.None);
        Assert.Equal("sub-match", Assert.Single(deliveries).SubscriptionId);
    }

    [Fact]
    public async Task ChangeAsync_PartnerWithoutConsentForTheType_QueuesNoDelivery()
    {
        var (consenting, _) = await host.CreatePartnerAsync("Consenting");
        var (otherType, _) = await host.CreatePartnerAsync("OtherType");
        var (never, _) = await host.CreatePartnerAsync("Never");
        var subscriptions = host.Service<SubscriptionStore>();
        foreach (var partnerId in new[] { consenting, otherType, never })
        {
            await subscriptions.AddAsync(new SubscriptionRecord($"sub-{partnerId}", partnerId, ["shg.*"], null, true, SubscriptionStatus.Active, DateTimeOffset.UtcNow), "whsec_AAAA", CancellationToken.None);
        }

        var consents = host.Service<ConsentStore>();
        await consents.PutAsync("home-3", consenting, ["shg.stock.*"], CancellationToken.None);
        await consents.PutAsync("home-3", otherType, ["shg.food.*"], CancellationToken.None);
        await consents.PutAsync("home-other", never, ["shg.*"], CancellationToken.None);
        var sut = host.Service<HouseholdStore>();

        var result = await sut.ChangeAsync("home-3", null, _ => [TestEvents.StockLow("home-3")], CancellationToken.None);

        Assert.Equal(1, result.DeliveriesQueued);
        var deliveries = host.Service<DeliveryStore>();
        Assert.Single(await deliveries.ListAsync(consenting, null, 10, CancellationToken.None));
        Assert.Empty(await deliveries.ListAsync(otherType, null, 10, CancellationToken.None));
        Assert.Empty(await deliveries.ListAsync(never, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ChangeAsync_HouseholdWithATimeZone_ComposesNotificationsOnItsClock()
    {
        var sut = host.Service<HouseholdStore>();
        var excursion = new NeedEvent
        {
            Id = "excursion-1",
            Type = NeedEventTypes.TemperatureExcursion,
            HouseholdId = "home-nz",
            Subject = "appliances/fridge-1/fridge",
            Time = new DateTimeOffset(2026, 11, 23, 14, 5, 0, TimeSpan.Zero),
            Data = JsonSerializer.SerializeToElement(
                new TemperatureExcursionData { Appliance = "fridge-1", Compartment = "fridge", Celsius = 8.2, SafeMinCelsius = -1, SafeMaxCelsius = 5, Since = new DateTimeOffset(2026, 11, 23, 14, 5, 0, TimeSpan.Zero) },
                ContractsJsonContext.Default.TemperatureExcursionData),
        };

        await sut.ChangeAsync("home-nz", null, twin =>
        {
            twin.Settings.TimeZone = "Pacific/Auckland";
            return [excursion];
        }, CancellationToken.None);

        var notification = Assert.Single(await host.Service<NotificationStore>().ListAsync("home-nz", 10, CancellationToken.None));
        Assert.Contains("03:05", notification.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", notification.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeAsync_AChangeThatFailsHalfWay_LeavesNothingOfItForTheNextChange()
    {
        var sut = host.Service<HouseholdStore>();
        await sut.ChangeAsync("home-fail", null, twin => { twin.Gateways.Add(new Gateway { GatewayId = "kept" }); return []; }, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.ChangeAsync("home-fail", null, twin =>
        {
            twin.Gateways.Add(new Gateway { GatewayId = "half-way" });
            throw new InvalidOperationException("the change failed");
        }, CancellationToken.None));
        IReadOnlyList<string>? seen = null;
        await sut.ChangeAsync("home-fail", null, twin => { seen = [.. twin.Gateways.Select(g => g.GatewayId)]; return []; }, CancellationToken.None);

        Assert.Equal(["kept"], seen);
    }

    [Fact]
    public async Task ChangeAsync_AnotherReplicaChangedTheHousehold_WorksOnItsVersion()
    {
        var sut = host.Service<HouseholdStore>();
        var otherReplica = new HouseholdStore(host.Service<IStoreProvider>(), TimeProvider.System, NullLogger<HouseholdStore>.Instance);
        await sut.ChangeAsync("home-two", null, twin => { twin.Gateways.Add(new Gateway { GatewayId = "first" }); return []; }, CancellationToken.None);
        await otherReplica.ChangeAsync("home-two", null, twin => { twin.Gateways.Add(new Gateway { GatewayId = "other" }); return []; }, CancellationToken.None);

        await sut.ChangeAsync("home-two", null, twin => { twin.Gateways.Add(new Gateway { GatewayId = "third" }); return []; }, CancellationToken.None);

        Assert.Equal(["first", "other", "third"], (await sut.FindTwinAsync("home-two", CancellationToken.None))!.Gateways.Select(g => g.GatewayId));
    }
}
