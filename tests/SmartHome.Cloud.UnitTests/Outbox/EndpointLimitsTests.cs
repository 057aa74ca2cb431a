using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Ingest;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Testing;
using static SmartHome.Cloud.UnitTests.Outbox.DeliveryTestClient;

namespace SmartHome.Cloud.UnitTests.Outbox;

/// <summary>One endpoint's limits hold back only its own deliveries.</summary>
public class EndpointLimitsTests
{
    private const string HouseholdId = "home-w";

    [Fact]
    public async Task HangingEndpointWithAQueue_DoesNotTakeTheSlotsAnotherEndpointNeeds()
    {
        using var release = new ManualResetEventSlim();
        var arrived = 0;
        await using var hanging = await WebhookReceiver.StartAsync(() =>
        {
            Interlocked.Increment(ref arrived);
            release.Wait(Wait.Timeout);
            return 204;
        });
        await using var healthy = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync(settings =>
        {
            settings["SmartHome:Cloud:Delivery:Worker:MaxInFlight"] = "2";
            settings["SmartHome:Cloud:Delivery:Worker:MaxInFlightPerEndpoint"] = "1";
        });
        var slow = await WebhookDeliveryTests.SubscribeAsync(sut, hanging.Url, "shg.stock.*");
        var fast = await WebhookDeliveryTests.SubscribeAsync(sut, healthy.Url, "shg.stock.*");
        await WebhookDeliveryTests.ConsentAsync(sut, slow.Id, "shg.stock.*");
        for (var i = 0; i < 5; i++)
        {
            await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(HouseholdId));
        }

        await Eventually.TrueAsync(() => Volatile.Read(ref arrived) == 1, Wait.Timeout, "the hanging endpoint's first delivery");
        await WebhookDeliveryTests.ConsentAsync(sut, fast.Id, "shg.stock.*");

        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(HouseholdId));

        try
        {
            await WaitForDeliveriesAsync(sut, fast.ApiKey, "delivered", 1);
            Assert.Equal(1, Volatile.Read(ref arrived));
        }
        finally
        {
            release.Set();
        }

        await WaitForDeliveriesAsync(sut, slow.ApiKey, "delivered", 6);
    }

    [Fact]
    public async Task RateLimitedEndpoint_NextDeliveryWaitsForItsTokenInItsPlace()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync(
            settings =>
            {
                settings["SmartHome:Cloud:Delivery:Worker:RatePerEndpoint"] = "0.5";
                settings["SmartHome:Cloud:Delivery:Worker:BurstPerEndpoint"] = "1";
            },
            time: time);
        var partner = await WebhookDeliveryTests.SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await WebhookDeliveryTests.ConsentAsync(sut, partner.Id, "shg.stock.*");
        var first = TestEvents.StockLow(HouseholdId);
        var second = TestEvents.StockLow(HouseholdId);

        // Both in one change, so the worker claims them together and has a token for one only.
        await sut.Service<HouseholdUpdater>().ChangeAsync(HouseholdId, null, _ => [first, second], CancellationToken.None);

        await WaitForDeliveriesAsync(sut, partner.ApiKey, "delivered", 1);
        var deliveries = (await sut.HealthAsync()).GetProperty("deliveries");
        Assert.Equal(1, deliveries.GetProperty("deferredForEndpointLimits").GetInt64());
        Assert.Single(receiver.Received);
        var waiting = Assert.Single(await DeliveriesAsync(sut, partner.ApiKey, "pending"));
        Assert.Equal(0, waiting.GetProperty("attempts").GetInt32());
        await AdvanceUntilAsync(
            time, TimeSpan.FromSeconds(1.5), async () => (await DeliveriesAsync(sut, partner.ApiKey, "delivered")).Length == 2, "the second delivery");
        Assert.True(time.GetUtcNow() - waiting.GetProperty("createdAt").GetDateTimeOffset() >= TimeSpan.FromSeconds(2));
        Assert.Equal(2, receiver.Received.Count);
    }
}
