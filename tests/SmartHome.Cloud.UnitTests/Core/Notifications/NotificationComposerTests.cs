using System.Text.Json;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Notifications;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Serialization;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Notifications;

public class NotificationComposerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 14, 5, 0, TimeSpan.Zero);

    [Fact]
    public void Compose_Expiring_SaysWhen()
    {
        // Only for households that want expiring food at once: by default it goes to the daily digest (NotificationPolicy).
        var sut = NotificationComposer.Compose(FoodEvent(NeedEventTypes.FoodExpiring, bestBefore: Today.AddDays(1), estimated: true))!;

        Assert.Equal(
            ("Milk expires tomorrow", "Its best-before is Tue 24 Nov (estimated). 1 l in the fridge. Eat it soon.", NotificationSeverity.Warning),
            (sut.Title, sut.Body, sut.Severity));
    }

    [Fact]
    public void Compose_Expired_SaysSo()
    {
        var sut = NotificationComposer.Compose(FoodEvent(NeedEventTypes.FoodExpired, bestBefore: Today.AddDays(-1), estimated: false))!;

        Assert.Equal("Milk has expired", sut.Title);
        Assert.Equal("Its best-before was Sun 22 Nov. 1 l in the fridge. Check it before eating it.", sut.Body);
    }

    [Fact]
    public void Compose_WarmFridge_TitleHasTemperatureAndSince()
    {
        var sut = NotificationComposer.Compose(ExcursionEvent(8.2))!;

        Assert.Equal("Fridge is running warm: 8.2 °C since 14:05 UTC", sut.Title);
        Assert.Equal("fridge-1 reads 8.2 °C; safe is -1 to 5 °C. Check the door and the temperature setting.", sut.Body);
        Assert.Equal(NotificationSeverity.Urgent, sut.Severity);
    }

    [Fact]
    public void Compose_ColdFridge_SaysTooCold()
    {
        Assert.Equal("Fridge is too cold: -3 °C since 14:05 UTC", NotificationComposer.Compose(ExcursionEvent(-3))!.Title);
    }

    [Fact]
    public void Compose_WithTheHouseholdTimeZone_ShowsItsClock()
    {
        var auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

        var sut = NotificationComposer.Compose(ExcursionEvent(8.2), auckland)!;

        Assert.Equal("Fridge is running warm: 8.2 °C since 03:05", sut.Title);
    }

    [Fact]
    public void Compose_DoorLeftOpen_SaysWhichDoorAndHowLong()
    {
        var data = new DoorLeftOpenData { Appliance = ApplianceId, Door = "main", OpenSince = At, OpenSeconds = 360 };

        var sut = NotificationComposer.Compose(Event(NeedEventTypes.DoorLeftOpen, JsonSerializer.SerializeToElement(data, ContractsJsonContext.Default.DoorLeftOpenData)))!;

        Assert.Equal("Door left open on fridge-1", sut.Title);
        Assert.Equal("The main door has been open since 14:05 UTC (6 min). Close it to keep the food cold.", sut.Body);
        Assert.Equal(NotificationSeverity.Urgent, sut.Severity);
    }

    [Fact]
    public void Compose_GatewayOffline_NamesTheGateway()
    {
        var data = new OfflineData { GatewayId = GatewayId, Since = At };

        var sut = NotificationComposer.Compose(Event(NeedEventTypes.ApplianceOffline, JsonSerializer.SerializeToElement(data, ContractsJsonContext.Default.OfflineData)))!;

        Assert.Equal("Gateway gw-1 is offline", sut.Title);
        Assert.Equal(NotificationSeverity.Urgent, sut.Severity);
    }

    [Fact]
    public void Compose_ApplianceOffline_NamesTheAppliance()
    {
        var data = new OfflineData { GatewayId = GatewayId, Appliance = ApplianceId, Since = At };

        var sut = NotificationComposer.Compose(Event(NeedEventTypes.ApplianceOffline, JsonSerializer.SerializeToElement(data, ContractsJsonContext.Default.OfflineData)))!;

        Assert.Equal("fridge-1 is offline", sut.Title);
    }

    [Fact]
    public void Compose_Unsafe_IsUrgentAndGivesTheReason()
    {
        var data = new FoodEventData { ItemId = "chicken-1", Name = "Chicken", BestBefore = Today, Reason = "It was above 4 °C for 3 hours" };

        var sut = NotificationComposer.Compose(Event(NeedEventTypes.FoodUnsafe, JsonSerializer.SerializeToElement(data, ContractsJsonContext.Default.FoodEventData)))!;

        Assert.Equal(("Chicken may be unsafe", "It was above 4 °C for 3 hours. Better not eat it."), (sut.Title, sut.Body));
        Assert.Equal(NotificationSeverity.Urgent, sut.Severity);
    }

    [Fact]
    public void Compose_PartnerOnlyEvent_ReturnsNull()
    {
        var data = new StockLowData { Name = "Milk", Quantity = 0 };

        Assert.Null(NotificationComposer.Compose(Event(NeedEventTypes.StockLow, JsonSerializer.SerializeToElement(data, ContractsJsonContext.Default.StockLowData))));
    }

    [Fact]
    public void Compose_SameEventTwice_SameNotification()
    {
        var needEvent = ExcursionEvent(8.2);

        Assert.Equal(NotificationComposer.Compose(needEvent), NotificationComposer.Compose(needEvent));
    }

    [Fact]
    public void Compose_DifferentEvents_DifferentIds()
    {
        var first = NotificationComposer.Compose(ExcursionEvent(8.2))!;
        var second = NotificationComposer.Compose(ExcursionEvent(8.2) with { Id = "another-event" })!;

        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void Compose_AnyEvent_CarriesTheEventsIdentity()
    {
        var needEvent = ExcursionEvent(8.2);

        var sut = NotificationComposer.Compose(needEvent)!;

        Assert.Equal((HouseholdId, needEvent.Id, needEvent.Type, needEvent.Subject, At), (sut.HouseholdId, sut.EventId, sut.Type, sut.Subject, sut.At));
    }

    private static NeedEvent FoodEvent(string type, DateOnly bestBefore, bool estimated) => Event(type, JsonSerializer.SerializeToElement(
        new FoodEventData
        {
            ItemId = "milk-1",
            Name = "Milk",
            Location = StorageLocation.Fridge,
            Quantity = 1,
            Unit = "l",
            BestBefore = bestBefore,
            Estimated = estimated,
        },
        ContractsJsonContext.Default.FoodEventData)) with { Time = Start };

    private static NeedEvent ExcursionEvent(double celsius) => Event(NeedEventTypes.TemperatureExcursion, JsonSerializer.SerializeToElement(
        new TemperatureExcursionData
        {
            Appliance = ApplianceId,
            Compartment = "fridge",
            Celsius = celsius,
            SafeMinCelsius = -1,
            SafeMaxCelsius = 5,
            Since = At,
        },
        ContractsJsonContext.Default.TemperatureExcursionData));

    private static NeedEvent Event(string type, JsonElement data) => new()
    {
        Id = "3c5e8a51-0a5b-8d3e-9a7c-2f1e0d9c8b7a",
        Type = type,
        HouseholdId = HouseholdId,
        Subject = "appliances/fridge-1/fridge",
        Time = At,
        Data = data,
    };
}
