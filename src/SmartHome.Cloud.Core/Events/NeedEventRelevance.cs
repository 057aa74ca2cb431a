using System.Text.Json;
using SmartHome.Cloud.Core.ShelfLife;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Core.Events;

/// <summary>
/// Whether a need event is still news when its delivery comes due: the situation it reports still holds in the
/// household's current twin, and its moment has not passed (a news lifetime per type, from the event's time).
/// A partner whose endpoint was down must not hear about a door that has long been closed as if it were open now.
/// </summary>
public static class NeedEventRelevance
{
    /// <summary>How long after its time an event of this type is still worth delivering.</summary>
    public static TimeSpan LifetimeOf(string type) => type switch
    {
        NeedEventTypes.DoorLeftOpen => TimeSpan.FromHours(1),
        NeedEventTypes.TemperatureExcursion => TimeSpan.FromHours(12),
        NeedEventTypes.ApplianceOffline => TimeSpan.FromDays(1),
        NeedEventTypes.FoodExpiring or NeedEventTypes.FoodExpired => TimeSpan.FromDays(3),
        NeedEventTypes.FoodUnsafe => TimeSpan.FromDays(2),
        NeedEventTypes.StockLow or NeedEventTypes.DietWeeklySummary => TimeSpan.FromDays(7),
        _ => TimeSpan.FromDays(1),
    };

    /// <param name="needEvent">The event about to be delivered.</param>
    /// <param name="twin">The household as it is now; null when it has none stored (only the lifetime is judged then).</param>
    /// <param name="now">Delivery time.</param>
    /// <returns>Null while the event is still news; else why it is stale, in words starting with "stale".</returns>
    public static string? WhyStale(NeedEvent needEvent, HouseholdTwin? twin, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(needEvent);
        var lifetime = LifetimeOf(needEvent.Type);
        if (now - needEvent.Time > lifetime)
        {
            return $"stale: {needEvent.Type} is news for {ExposureWords.Amount(lifetime)} after its time, and that has passed";
        }

        return twin is null ? null : WhyNoLongerTrue(needEvent, twin, now) is { } reason ? "stale: " + reason : null;
    }

    private static string? WhyNoLongerTrue(NeedEvent needEvent, HouseholdTwin twin, DateTimeOffset now)
    {
        var data = needEvent.Data;
        switch (needEvent.Type)
        {
            case NeedEventTypes.FoodExpiring:
            {
                var food = data.Deserialize(ContractsJsonContext.Default.FoodEventData)!;
                return WhyFoodChanged(twin, food)
                    ?? (HouseholdCalendar.DateOf(now, twin.Settings.ResolveTimeZone()) > food.BestBefore ? "the item has expired since" : null);
            }

            case NeedEventTypes.FoodExpired:
                return WhyFoodChanged(twin, data.Deserialize(ContractsJsonContext.Default.FoodEventData)!);
            case NeedEventTypes.FoodUnsafe:
                return twin.FindItem(data.Deserialize(ContractsJsonContext.Default.FoodEventData)!.ItemId) is null ? "the item is gone" : null;
            case NeedEventTypes.StockLow:
                return IsRestocked(twin, needEvent.Subject, data.Deserialize(ContractsJsonContext.Default.StockLowData)!) ? "it has been restocked" : null;
            case NeedEventTypes.TemperatureExcursion:
            {
                var excursion = data.Deserialize(ContractsJsonContext.Default.TemperatureExcursionData)!;
                var episode = twin.FindAppliance(excursion.Appliance)?.FindCompartment(excursion.Compartment)?.Excursion;
                return episode?.Since == excursion.Since ? null : "the compartment is back in its safe range";
            }

            case NeedEventTypes.DoorLeftOpen:
            {
                var open = data.Deserialize(ContractsJsonContext.Default.DoorLeftOpenData)!;
                var door = twin.FindAppliance(open.Appliance)?.FindDoor(open.Door);
                return door is { State: DoorState.Open } && door.Since == open.OpenSince ? null : "the door was closed";
            }

            case NeedEventTypes.ApplianceOffline:
            {
                var offline = data.Deserialize(ContractsJsonContext.Default.OfflineData)!;
                var (state, since) = offline.Appliance is { } applianceId
                    ? (twin.FindAppliance(applianceId)?.State, twin.FindAppliance(applianceId)?.StateSince)
                    : (twin.FindGateway(offline.GatewayId)?.State, twin.FindGateway(offline.GatewayId)?.StateSince);
                return state == OnlineState.Offline && since == offline.Since ? null : "it is back online";
            }

            default:
                return null;
        }
    }

    private static string? WhyFoodChanged(HouseholdTwin twin, FoodEventData food) => twin.FindItem(food.ItemId) switch
    {
        null => "the item is gone",
        { EstimatedBestBefore: var bestBefore } when bestBefore != food.BestBefore => "the item's best-before has changed",
        _ => null,
    };

    /// <summary>A shortfall against a minimum (<c>stock/{key}</c>) ends when the twin no longer counts it; a product that ran out, when one is back.</summary>
    private static bool IsRestocked(HouseholdTwin twin, string? subject, StockLowData stock) =>
        subject is not null && subject.StartsWith(Subjects.StockPrefix, StringComparison.Ordinal)
            ? !twin.StockLowReported.Contains(subject[Subjects.StockPrefix.Length..])
            : twin.Inventory.Exists(item =>
                (stock.Barcode is not null && item.Barcode == stock.Barcode)
                || string.Equals(item.DisplayName.Trim(), stock.Name.Trim(), StringComparison.OrdinalIgnoreCase));
}
