using System.Text.Json;
using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
using static SmartHome.Cloud.UnitTests.Outbox.PartnerDeliverySteps;

namespace SmartHome.Cloud.UnitTests.Outbox;

/// <summary>
/// Revoking or narrowing consent, and deleting a subscription, cancel what is queued or retrying in the same
/// transaction; a second partner that keeps its consent is the witness that the retries did come due.
/// </summary>
public class ConsentRevocationTests
{
    private const string HouseholdId = "home-c";

    [Fact]
    public async Task RevokeConsent_QueuedAndRetryingDeliveries_EndCancelledAndAreNeverSent()
    {
        await using var outage = await EndpointOutage.StartAsync();
        var (sut, time, receiver) = (outage.Cloud, outage.Time, outage.Receiver);
        var revoked = await SubscribeAsync(sut, receiver.Url, ["shg.*"]);
        var witness = await SubscribeAsync(sut, receiver.Url, ["shg.*"]);
        await ConsentAsync(sut, HouseholdId, revoked.Id, "shg.*");
        await ConsentAsync(sut, HouseholdId, witness.Id, "shg.*");
        var first = StockLow(time.GetUtcNow());
        await ChangeAsync(sut, HouseholdId, _ => { }, first);
        await RunClockAsync(sut, time, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var second = Event(HouseholdId, NeedEventTypes.FoodUnsafe, "items/milk-1", time.GetUtcNow(),
            new FoodEventData { ItemId = "milk-1", Name = "Milk", BestBefore = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) }, ContractsJsonContext.Default.FoodEventData);
        await ChangeAsync(sut, HouseholdId, _ => { }, second);
        await RunClockAsync(sut, time, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var before = await DeliveriesByEventAsync(sut, revoked.ApiKey);
        Assert.Equal(("failed", "pending"), (Status(before[first.Id]), Status(before[second.Id])));

        using (var householder = sut.Client(await sut.CreateHouseholderTokenAsync(HouseholdId)))
        {
            using var response = await householder.DeleteAsync($"/api/v1/household/consents/{revoked.Id}");
            Assert.True(response.IsSuccessStatusCode);
        }

        var after = await DeliveriesByEventAsync(sut, revoked.ApiKey);
        Assert.All(new[] { first, second }, e => Assert.Equal("cancelled", Status(after[e.Id])));
        Assert.All(after.Values, d => Assert.StartsWith("consent revoked", d.GetProperty("lastError").GetString(), StringComparison.Ordinal));
        var sentBefore = receiver.Received.Count;
        outage.Recover();
        await RunClockAsync(sut, time, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10));
        var witnessed = await DeliveriesByEventAsync(sut, witness.ApiKey);
        Assert.Equal("delivered", Status(witnessed[first.Id]));
        var revokedIds = new[] { first, second }.Select(e => PartnerEventIds.For(revoked.Id, e.Id)).ToHashSet();
        Assert.DoesNotContain(receiver.Received.Skip(sentBefore), r => revokedIds.Contains(r.Id));
    }

    [Fact]
    public async Task PutConsent_NarrowingTheTypes_CancelsOnlyWhatItNoLongerCovers()
    {
        await using var outage = await EndpointOutage.StartAsync();
        var (sut, time, receiver) = (outage.Cloud, outage.Time, outage.Receiver);
        var partner = await SubscribeAsync(sut, receiver.Url, ["*"], kind: "dietitian");
        await ConsentAsync(sut, HouseholdId, partner.Id, "shg.*");
        var stockLow = StockLow(time.GetUtcNow());
        var summary = Event(HouseholdId, NeedEventTypes.DietWeeklySummary, null, time.GetUtcNow(),
            new DietWeeklySummaryData { WeekStart = new DateOnly(2026, 11, 16), Categories = [new() { Category = "dairy", Quantity = 2, Items = 3 }] },
            ContractsJsonContext.Default.DietWeeklySummaryData);
        await ChangeAsync(sut, HouseholdId, _ => { }, stockLow, summary);
        await RunClockAsync(sut, time, TimeSpan.Zero, TimeSpan.FromSeconds(1));

        await ConsentAsync(sut, HouseholdId, partner.Id, "shg.diet.*");
        outage.Recover();
        await RunClockAsync(sut, time, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10));

        var deliveries = await DeliveriesByEventAsync(sut, partner.ApiKey);
        Assert.Equal("cancelled", Status(deliveries[stockLow.Id]));
        Assert.Equal("delivered", Status(deliveries[summary.Id]));
        var sent = Assert.Single(receiver.Received, r => r.AnsweredStatus == 204);
        Assert.Equal(PartnerEventIds.For(partner.Id, summary.Id), sent.Id);
        var data = JsonDocument.Parse(sent.Body).RootElement.GetProperty("data");
        Assert.Equal("dairy", data.GetProperty("categories")[0].GetProperty("category").GetString());
    }

    [Fact]
    public async Task DeleteSubscription_CancelsItsRetryingDeliveriesAtOnce()
    {
        await using var outage = await EndpointOutage.StartAsync();
        var (sut, time, receiver) = (outage.Cloud, outage.Time, outage.Receiver);
        var partner = await SubscribeAsync(sut, receiver.Url, ["shg.stock.*"]);
        await ConsentAsync(sut, HouseholdId, partner.Id, "shg.stock.*");
        var stockLow = StockLow(time.GetUtcNow());
        await ChangeAsync(sut, HouseholdId, _ => { }, stockLow);
        await RunClockAsync(sut, time, TimeSpan.Zero, TimeSpan.FromSeconds(1));

        using (var client = sut.Client(partner.ApiKey))
        {
            using var response = await client.DeleteAsync($"/api/v1/subscriptions/{partner.SubscriptionId}");
            Assert.True(response.IsSuccessStatusCode);
        }

        var delivery = (await DeliveriesByEventAsync(sut, partner.ApiKey))[stockLow.Id];
        Assert.Equal(("cancelled", "the subscription was deleted"), (Status(delivery), delivery.GetProperty("lastError").GetString()));
        outage.Recover();
        await RunClockAsync(sut, time, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10));
        Assert.Single(receiver.Received);
    }

    /// <summary>Milk ran out; events about the same subject wait for each other, so a second one stays queued behind it.</summary>
    private static NeedEvent StockLow(DateTimeOffset at) => Event(
        HouseholdId, NeedEventTypes.StockLow, "items/milk-1", at, new StockLowData { Name = "Milk", Category = "dairy", Quantity = 0 },
        ContractsJsonContext.Default.StockLowData);

    private static string? Status(JsonElement delivery) => delivery.GetProperty("status").GetString();
}
