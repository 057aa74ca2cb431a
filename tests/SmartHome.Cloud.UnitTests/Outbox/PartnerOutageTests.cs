using System.Text.Json;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
using static SmartHome.Cloud.UnitTests.Outbox.PartnerDeliverySteps;

namespace SmartHome.Cloud.UnitTests.Outbox;

public class PartnerOutageTests
{
    private const string HouseholdId = "home-o";

    [Fact]
    public async Task EndpointDownForAnHour_ThenRecovers_GetsTheCurrentStateInOrderPerSubject()
    {
        await using var outage = await EndpointOutage.StartAsync();
        var (sut, time, receiver) = (outage.Cloud, outage.Time, outage.Receiver);
        var partner = await SubscribeAsync(sut, receiver.Url, ["*"]);
        await ConsentAsync(sut, HouseholdId, partner.Id, "*");
        var t0 = time.GetUtcNow();
        var ham = Item("ham-1", "Ham", "meat", t0);
        var yoghurt = Item("yog-1", "Yoghurt", "dairy", t0);
        var milkRanOut = StockLow("milk-1", "Milk", t0);
        var breadRanOut = StockLow("bread-1", "Bread", t0);
        var doorLeftOpen = Event(HouseholdId, NeedEventTypes.DoorLeftOpen, "appliances/f/doors/main", t0.AddMinutes(-1),
            new DoorLeftOpenData { Appliance = "f", Door = "main", OpenSince = t0.AddMinutes(-6), OpenSeconds = 300 }, ContractsJsonContext.Default.DoorLeftOpenData);
        var yoghurtExpiring = Expiring(yoghurt, t0);
        var hamExpiring = Expiring(ham, t0);
        await ChangeAsync(sut, HouseholdId, twin =>
        {
            twin.Inventory.AddRange([ham, yoghurt]);
            twin.Appliances.Add(new Appliance
            {
                ApplianceId = "f",
                GatewayId = "gw",
                Doors = [new Door { Name = "main", State = DoorState.Open, Since = t0.AddMinutes(-6), UpdatedAt = t0.AddMinutes(-6), LeftOpenReportedFor = t0.AddMinutes(-6) }],
            });
        }, milkRanOut, breadRanOut, doorLeftOpen, yoghurtExpiring, hamExpiring);
        await RunClockAsync(sut, time, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30));

        // Ten minutes into the outage the yoghurt is eaten and milk runs out again; at fifty the ham turns unsafe, late
        // enough that its own retries would reach the endpoint before the retry of the ham's first event does.
        var milkRanOutAgain = StockLow("milk-1", "Milk", time.GetUtcNow());
        await ChangeAsync(sut, HouseholdId, twin => twin.Inventory.RemoveAll(i => i.ItemId == "yog-1"), milkRanOutAgain);
        await RunClockAsync(sut, time, TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(1));
        var hamUnsafe = Event(HouseholdId, NeedEventTypes.FoodUnsafe, "items/ham-1", time.GetUtcNow(),
            new FoodEventData { ItemId = "ham-1", Name = "Ham", Category = "meat", BestBefore = ham.EstimatedBestBefore!.Value, Reason = "kept warm" },
            ContractsJsonContext.Default.FoodEventData);
        await ChangeAsync(sut, HouseholdId, twin => twin.FindItem("ham-1")!.UnsafeReason = "kept warm", hamUnsafe);
        await RunClockAsync(sut, time, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1));
        Assert.All(receiver.Received, r => Assert.Equal(503, r.AnsweredStatus));

        outage.Recover();
        await RunClockAsync(sut, time, TimeSpan.FromHours(4), TimeSpan.FromMinutes(1));

        var deliveries = await DeliveriesByEventAsync(sut, partner.ApiKey);
        var statuses = deliveries.ToDictionary(d => d.Key, d => d.Value.GetProperty("status").GetString());
        Assert.Equal(7, statuses.Count);
        Assert.Equal("superseded", statuses[milkRanOut.Id]);
        Assert.Equal("cancelled", statuses[doorLeftOpen.Id]);
        Assert.StartsWith("stale: shg.appliance.door-left-open.v1 is news for 1 hour", LastError(deliveries[doorLeftOpen.Id]), StringComparison.Ordinal);
        Assert.Equal("cancelled", statuses[yoghurtExpiring.Id]);
        Assert.Equal("stale: the item is gone", LastError(deliveries[yoghurtExpiring.Id]));
        Assert.All(new[] { breadRanOut, milkRanOutAgain, hamExpiring, hamUnsafe }, e => Assert.Equal("delivered", statuses[e.Id]));

        var delivered = receiver.Received.Where(r => r.AnsweredStatus == 204).Select(r => r.Id).ToList();
        Assert.Equal(
            new[] { breadRanOut, milkRanOutAgain, hamExpiring, hamUnsafe }.Select(e => PartnerEventIds.For(partner.Id, e.Id)).Order(),
            delivered.Order());
        Assert.True(
            delivered.IndexOf(PartnerEventIds.For(partner.Id, hamExpiring.Id)) < delivered.IndexOf(PartnerEventIds.For(partner.Id, hamUnsafe.Id)),
            "the ham's events arrive in the order they were raised");
        var hamSubjects = receiver.Received
            .Where(r => r.AnsweredStatus == 204 && (r.Id == PartnerEventIds.For(partner.Id, hamUnsafe.Id) || r.Id == PartnerEventIds.For(partner.Id, hamExpiring.Id)))
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("subject").GetString()!)
            .Distinct().ToList();
        Assert.StartsWith("items/", Assert.Single(hamSubjects), StringComparison.Ordinal);
        Assert.DoesNotContain("ham-1", hamSubjects[0], StringComparison.Ordinal);
        var neverSent = new[] { milkRanOut, doorLeftOpen, yoghurtExpiring }.Select(e => PartnerEventIds.For(partner.Id, e.Id)).ToHashSet();
        Assert.DoesNotContain(receiver.Received, r => r.AnsweredStatus == 204 && neverSent.Contains(r.Id));
    }

    [Fact]
    public async Task NewerEventAboutTheSameSubject_SupersedesTheRetryingOneAtOnce()
    {
        await using var outage = await EndpointOutage.StartAsync();
        var (sut, time, receiver) = (outage.Cloud, outage.Time, outage.Receiver);
        var partner = await SubscribeAsync(sut, receiver.Url, ["shg.stock.*"]);
        await ConsentAsync(sut, HouseholdId, partner.Id, "shg.stock.*");
        var first = StockLow("milk-1", "Milk", time.GetUtcNow());
        await ChangeAsync(sut, HouseholdId, _ => { }, first);
        await RunClockAsync(sut, time, TimeSpan.Zero, TimeSpan.FromSeconds(1));

        var second = StockLow("milk-1", "Milk", time.GetUtcNow());
        await ChangeAsync(sut, HouseholdId, _ => { }, second);
        await RunClockAsync(sut, time, TimeSpan.Zero, TimeSpan.FromSeconds(1));

        var deliveries = await DeliveriesByEventAsync(sut, partner.ApiKey);
        Assert.Equal("superseded", deliveries[first.Id].GetProperty("status").GetString());
        Assert.Equal($"superseded by delivery {deliveries[second.Id].GetProperty("id").GetString()}", LastError(deliveries[first.Id]));
        Assert.Equal(("failed", 1), (deliveries[second.Id].GetProperty("status").GetString(), deliveries[second.Id].GetProperty("attempts").GetInt32()));
        outage.Recover();
        await RunClockAsync(sut, time, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));
        Assert.Equal(
            [PartnerEventIds.For(partner.Id, second.Id)],
            receiver.Received.Where(r => r.AnsweredStatus == 204).Select(r => r.Id));
    }

    private static InventoryItem Item(string id, string name, string category, DateTimeOffset now)
    {
        var bestBefore = DateOnly.FromDateTime(now.UtcDateTime).AddDays(2);
        return new InventoryItem
        {
            ItemId = id, ApplianceId = "f", Name = name, Category = category, AddedAt = now.AddDays(-1), LocationSince = now.AddDays(-1),
            UpdatedAt = now.AddDays(-1), BestBefore = bestBefore, EstimatedBestBefore = bestBefore, ExpiringReportedFor = bestBefore,
        };
    }

    private static NeedEvent StockLow(string itemId, string name, DateTimeOffset at) => Event(
        HouseholdId, NeedEventTypes.StockLow, $"items/{itemId}", at, new StockLowData { Name = name, Quantity = 0 }, ContractsJsonContext.Default.StockLowData);

    private static NeedEvent Expiring(InventoryItem item, DateTimeOffset at) => Event(
        HouseholdId, NeedEventTypes.FoodExpiring, $"items/{item.ItemId}", at,
        new FoodEventData { ItemId = item.ItemId, Name = item.Name!, Category = item.Category, BestBefore = item.EstimatedBestBefore!.Value },
        ContractsJsonContext.Default.FoodEventData);

    private static string? LastError(JsonElement delivery) => delivery.GetProperty("lastError").GetString();
}
