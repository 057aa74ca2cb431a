using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Ingest;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Testing;
using static SmartHome.Cloud.UnitTests.Outbox.DeliveryTestClient;

namespace SmartHome.Cloud.UnitTests.Outbox;

/// <summary>Claimed deliveries that wait in the worker for a slot of their endpoint.</summary>
public class WaitingDeliveryTests
{
    private const string HouseholdId = "home-w";

    [Fact]
    public async Task StopAsync_DeliveriesWaitingForTheirEndpoint_AreHandedBackDueAtOnce()
    {
        using var release = new ManualResetEventSlim();
        var arrived = 0;
        await using var receiver = await WebhookReceiver.StartAsync(() =>
        {
            Interlocked.Increment(ref arrived);
            release.Wait(Wait.Timeout);
            return 204;
        });
        await using var sut = await CloudTestHost.StartAsync(settings => settings["SmartHome:Cloud:Delivery:Worker:MaxInFlightPerEndpoint"] = "1");
        var partner = await WebhookDeliveryTests.SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await WebhookDeliveryTests.ConsentAsync(sut, partner.Id, "shg.stock.*");
        await sut.Service<HouseholdUpdater>().ChangeAsync(
            HouseholdId, null, _ => [TestEvents.StockLow(HouseholdId), TestEvents.StockLow(HouseholdId), TestEvents.StockLow(HouseholdId)], CancellationToken.None);
        await Eventually.TrueAsync(() => Volatile.Read(ref arrived) == 1, Wait.Timeout, "the first attempt");
        await Eventually.TrueAsync(async () => await DeferredAsync(sut) == 2, Wait.Timeout, "two claims waiting for the endpoint");

        try
        {
            await sut.App.StopAsync();
        }
        finally
        {
            release.Set();
        }

        // Handed back, not left claimed until their lease ends: another worker can take all three at once.
        var claimable = await sut.Service<DeliveryStore>().ClaimDueAsync(10, 10, TimeSpan.FromMinutes(1), [], CancellationToken.None);
        Assert.Equal(3, claimable.Count);
        Assert.Equal(1, Volatile.Read(ref arrived));
    }

    [Fact]
    public async Task DeliveryWaitingLongerThanHalfItsLease_IsHandedBackAndClaimedAfresh_SoItIsSentOnce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var release = new ManualResetEventSlim();
        var arrived = 0;
        await using var receiver = await WebhookReceiver.StartAsync(() =>
        {
            if (Interlocked.Increment(ref arrived) == 1)
            {
                release.Wait(Wait.Timeout);
            }

            return 204;
        });
        await using var sut = await CloudTestHost.StartAsync(settings => settings["SmartHome:Cloud:Delivery:Worker:MaxInFlightPerEndpoint"] = "1", time: time);
        var partner = await WebhookDeliveryTests.SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await WebhookDeliveryTests.ConsentAsync(sut, partner.Id, "shg.stock.*");
        var events = new[] { TestEvents.StockLow(HouseholdId, time: time.GetUtcNow()), TestEvents.StockLow(HouseholdId, time: time.GetUtcNow()) };
        await sut.Service<HouseholdUpdater>().ChangeAsync(HouseholdId, null, _ => events, CancellationToken.None);
        await Eventually.TrueAsync(() => Volatile.Read(ref arrived) == 1, Wait.Timeout, "the first attempt");
        await Eventually.TrueAsync(async () => await DeferredAsync(sut) == 1, Wait.Timeout, "the second claim waiting for the endpoint");

        // Past the whole lease (5 minutes): the claims have lapsed, and the next claim may take the deliveries again.
        try
        {
            await AdvanceUntilAsync(time, TimeSpan.FromMinutes(6), async () => await DeferredAsync(sut) >= 2, "the delivery claimed afresh");
        }
        finally
        {
            release.Set();
        }

        await WaitForDeliveriesAsync(sut, partner.ApiKey, "delivered", 2);

        // The attempt in flight outlived its lease too, so its delivery may be sent again (at least once); the waiting one
        // was not under way, and is sent once.
        var ids = events.Select(e => PartnerEventIds.For(partner.Id, e.Id)).ToList();
        var waitingId = ids.Single(id => id != receiver.Received.First().Id);
        Assert.Single(receiver.Received, webhook => webhook.Id == waitingId);
    }

    private static async Task<long> DeferredAsync(CloudTestHost sut) =>
        (await sut.HealthAsync()).GetProperty("deliveries").GetProperty("deferredForEndpointLimits").GetInt64();
}
