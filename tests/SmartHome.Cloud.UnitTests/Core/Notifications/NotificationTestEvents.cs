using System.Text.Json;
using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.UnitTests.Core.Notifications;

/// <summary>Household-facing need events made directly, each with an id of its own, for the notification policy.</summary>
internal static class NotificationTestEvents
{
    /// <summary>An urgent one: a compartment of <c>fridge-1</c> running warm (subject per compartment).</summary>
    public static NeedEvent Excursion(string householdId, DateTimeOffset at, string compartment = "fridge") => Event(
        householdId,
        NeedEventTypes.TemperatureExcursion,
        $"appliances/fridge-1/{compartment}",
        at,
        JsonSerializer.SerializeToElement(
            new TemperatureExcursionData { Appliance = "fridge-1", Compartment = compartment, Celsius = 8.2, SafeMinCelsius = -1, SafeMaxCelsius = 5, Since = at },
            ContractsJsonContext.Default.TemperatureExcursionData));

    /// <summary>A warning: an item past its best-before.</summary>
    public static NeedEvent Expired(string householdId, DateTimeOffset at, string itemId = "milk-1", string name = "Milk") => Event(
        householdId,
        NeedEventTypes.FoodExpired,
        $"items/{itemId}",
        at,
        JsonSerializer.SerializeToElement(
            new FoodEventData { ItemId = itemId, Name = name, Location = StorageLocation.Fridge, BestBefore = DateOnly.FromDateTime(at.UtcDateTime).AddDays(-1) },
            ContractsJsonContext.Default.FoodEventData));

    private static NeedEvent Event(string householdId, string type, string subject, DateTimeOffset at, JsonElement data) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Type = type,
        HouseholdId = householdId,
        Subject = subject,
        Time = at,
        Data = data,
    };
}
