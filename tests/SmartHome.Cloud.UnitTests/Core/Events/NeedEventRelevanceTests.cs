using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.UnitTests.Core.Events;

public class NeedEventRelevanceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Tomorrow = new(2026, 11, 24);

    [Fact]
    public void WhyStale_ExpiringItemStillThere_IsNews()
    {
        var twin = Twin(Milk(Tomorrow));

        Assert.Null(NeedEventRelevance.WhyStale(Food(NeedEventTypes.FoodExpiring, Tomorrow), twin, Now));
    }

    [Theory]
    [InlineData(NeedEventTypes.FoodExpiring)]
    [InlineData(NeedEventTypes.FoodExpired)]
    [InlineData(NeedEventTypes.FoodUnsafe)]
    public void WhyStale_ItemEatenSince_IsStale(string type)
    {
        var reason = NeedEventRelevance.WhyStale(Food(type, Tomorrow), Twin(), Now);

        Assert.Equal("stale: the item is gone", reason);
    }

    [Fact]
    public void WhyStale_ExpiringItemsBestBeforeMoved_IsStale()
    {
        var twin = Twin(Milk(Tomorrow.AddDays(-1)));

        Assert.Equal("stale: the item's best-before has changed", NeedEventRelevance.WhyStale(Food(NeedEventTypes.FoodExpiring, Tomorrow), twin, Now));
    }

    [Fact]
    public void WhyStale_ExpiringItemHasExpiredSince_IsStale()
    {
        var yesterday = Tomorrow.AddDays(-2);
        var twin = Twin(Milk(yesterday));

        Assert.Equal("stale: the item has expired since", NeedEventRelevance.WhyStale(Food(NeedEventTypes.FoodExpiring, yesterday), twin, Now));
    }

    [Fact]
    public void WhyStale_ProductThatRanOutIsBack_IsStale()
    {
        var stockLow = Event(NeedEventTypes.StockLow, "items/milk-1", new StockLowData { Name = "Milk", Quantity = 0 }, ContractsJsonContext.Default.StockLowData);

        Assert.Null(NeedEventRelevance.WhyStale(stockLow, Twin(), Now));
        Assert.Equal("stale: it has been restocked", NeedEventRelevance.WhyStale(stockLow, Twin(Milk(Tomorrow, "milk-2")), Now));
    }

    [Fact]
    public void WhyStale_ShortfallNoLongerCounted_IsStale()
    {
        var stockLow = Event(NeedEventTypes.StockLow, "stock/products/milk", new StockLowData { Name = "milk", Quantity = 0.5, MinimumQuantity = 1 }, ContractsJsonContext.Default.StockLowData);
        var stillShort = Twin();
        stillShort.StockLowReported.Add("products/milk");

        Assert.Null(NeedEventRelevance.WhyStale(stockLow, stillShort, Now));
        Assert.Equal("stale: it has been restocked", NeedEventRelevance.WhyStale(stockLow, Twin(), Now));
    }

    [Fact]
    public void WhyStale_ExcursionEpisodeEnded_IsStale()
    {
        var since = Now.AddMinutes(-30);
        var excursion = Event(
            NeedEventTypes.TemperatureExcursion, "appliances/f/fridge",
            new TemperatureExcursionData { Appliance = "f", Compartment = "fridge", Celsius = 9, SafeMinCelsius = -1, SafeMaxCelsius = 5, Since = since },
            ContractsJsonContext.Default.TemperatureExcursionData, since);
        var warm = Twin();
        warm.Appliances.Add(new Appliance
        {
            ApplianceId = "f", GatewayId = "gw",
            Compartments = [new Compartment { Sensor = "fridge", Kind = StorageLocation.Fridge, Excursion = new() { Direction = ExcursionDirection.TooWarm, Since = since, PeakCelsius = 9 } }],
        });
        var cooled = Twin();
        cooled.Appliances.Add(new Appliance { ApplianceId = "f", GatewayId = "gw", Compartments = [new Compartment { Sensor = "fridge", Kind = StorageLocation.Fridge }] });

        Assert.Null(NeedEventRelevance.WhyStale(excursion, warm, Now));
        Assert.Equal("stale: the compartment is back in its safe range", NeedEventRelevance.WhyStale(excursion, cooled, Now));
    }

    [Fact]
    public void WhyStale_DoorClosedSince_IsStale()
    {
        var openSince = Now.AddMinutes(-10);
        var leftOpen = DoorLeftOpen(openSince);

        Assert.Null(NeedEventRelevance.WhyStale(leftOpen, TwinWithDoor(DoorState.Open, openSince), Now));
        Assert.Equal("stale: the door was closed", NeedEventRelevance.WhyStale(leftOpen, TwinWithDoor(DoorState.Closed, Now.AddMinutes(-1)), Now));
    }

    [Fact]
    public void WhyStale_DoorStillOpenButAnHourHasPassed_IsStaleByLifetime()
    {
        var openSince = Now.AddMinutes(-70);
        var leftOpen = DoorLeftOpen(openSince);

        var reason = NeedEventRelevance.WhyStale(leftOpen, TwinWithDoor(DoorState.Open, openSince), Now);

        Assert.StartsWith("stale: shg.appliance.door-left-open.v1 is news for 1 hour after its time", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyStale_GatewayBackOnline_IsStale()
    {
        var since = Now.AddMinutes(-20);
        var offline = Event(NeedEventTypes.ApplianceOffline, "gateways/gw", new OfflineData { GatewayId = "gw", Since = since }, ContractsJsonContext.Default.OfflineData, since);
        var down = Twin();
        down.Gateways.Add(new Gateway { GatewayId = "gw", State = OnlineState.Offline, StateSince = since });
        var back = Twin();
        back.Gateways.Add(new Gateway { GatewayId = "gw", State = OnlineState.Online, StateSince = Now.AddMinutes(-1) });

        Assert.Null(NeedEventRelevance.WhyStale(offline, down, Now));
        Assert.Equal("stale: it is back online", NeedEventRelevance.WhyStale(offline, back, Now));
    }

    [Fact]
    public void WhyStale_NoTwin_JudgesTheLifetimeOnly()
    {
        var expiring = Food(NeedEventTypes.FoodExpiring, Tomorrow);

        Assert.Null(NeedEventRelevance.WhyStale(expiring, twin: null, Now));
        Assert.NotNull(NeedEventRelevance.WhyStale(expiring, twin: null, Now + NeedEventRelevance.LifetimeOf(NeedEventTypes.FoodExpiring) + TimeSpan.FromSeconds(1)));
    }

    private static HouseholdTwin Twin(params InventoryItem[] items) => new() { HouseholdId = "home", Inventory = [.. items] };

    private static HouseholdTwin TwinWithDoor(DoorState state, DateTimeOffset since)
    {
        var twin = Twin();
        twin.Appliances.Add(new Appliance { ApplianceId = "f", GatewayId = "gw", Doors = [new Door { Name = "main", State = state, Since = since, UpdatedAt = since }] });
        return twin;
    }

    private static NeedEvent DoorLeftOpen(DateTimeOffset openSince) => Event(
        NeedEventTypes.DoorLeftOpen, "appliances/f/doors/main",
        new DoorLeftOpenData { Appliance = "f", Door = "main", OpenSince = openSince, OpenSeconds = 300 }, ContractsJsonContext.Default.DoorLeftOpenData, openSince.AddMinutes(5));

    private static InventoryItem Milk(DateOnly bestBefore, string itemId = "milk-1") => new()
    {
        ItemId = itemId, ApplianceId = "f", Name = "Milk", Category = "dairy", AddedAt = Now.AddDays(-3), EstimatedBestBefore = bestBefore,
    };

    private static NeedEvent Food(string type, DateOnly bestBefore) => Event(
        type, "items/milk-1", new FoodEventData { ItemId = "milk-1", Name = "Milk", Category = "dairy", BestBefore = bestBefore }, ContractsJsonContext.Default.FoodEventData);

    private static NeedEvent Event<TData>(string type, string subject, TData data, JsonTypeInfo<TData> typeInfo, DateTimeOffset? time = null) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Type = type,
        HouseholdId = "home",
        Subject = subject,
        Time = time ?? Now.AddMinutes(-5),
        Data = JsonSerializer.SerializeToElement(data, typeInfo),
    };
}
