using System.Globalization;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.Core.Notifications;

/// <summary>The titles and bodies: short, in the householder's words and clock.</summary>
internal sealed class NotificationWords(TimeZoneInfo timeZone)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"today", "tomorrow" or "in 3 days", as seen at <paramref name="noticed"/>.</summary>
    public string ExpiresWhen(DateOnly bestBefore, DateTimeOffset noticed) =>
        (bestBefore.DayNumber - HouseholdCalendar.DateOf(noticed, timeZone).DayNumber) switch
        {
            <= 0 => "today",
            1 => "tomorrow",
            var daysLeft => $"in {daysLeft} days",
        };

    public (string Title, string Body) Expiring(FoodEventData food, DateTimeOffset noticed) =>
        ($"{food.Name} expires {ExpiresWhen(food.BestBefore, noticed)}", $"Its best-before is {Date(food.BestBefore)}{Estimated(food)}.{Where(food)} Eat it soon.");

    public static (string Title, string Body) Expired(FoodEventData food) =>
        ($"{food.Name} has expired", $"Its best-before was {Date(food.BestBefore)}{Estimated(food)}.{Where(food)} Check it before eating it.");

    public static (string Title, string Body) Unsafe(FoodEventData food) =>
        ($"{food.Name} may be unsafe", $"{Capitalized(food.Reason ?? "it was kept too warm for too long")}. Better not eat it.");

    public (string Title, string Body) Excursion(TemperatureExcursionData excursion)
    {
        var compartment = Capitalized(excursion.Compartment);
        var state = excursion.Celsius > excursion.SafeMaxCelsius ? "is running warm" : "is too cold";
        return (
            $"{compartment} {state}: {Celsius(excursion.Celsius)} since {Clock(excursion.Since)}",
            $"{excursion.Appliance} reads {Celsius(excursion.Celsius)}; safe is {Number(excursion.SafeMinCelsius)} to {Celsius(excursion.SafeMaxCelsius)}. Check the door and the temperature setting.");
    }

    public (string Title, string Body) DoorLeftOpen(DoorLeftOpenData door) =>
        ($"Door left open on {door.Appliance}",
         $"The {door.Door} door has been open since {Clock(door.OpenSince)} ({Math.Max(1, door.OpenSeconds / 60)} min). Close it to keep the food cold.");

    public (string Title, string Body) Offline(OfflineData offline) => offline.Appliance is { } appliance
        ? ($"{appliance} is offline", $"It went offline at {Clock(offline.Since)}. Its temperatures and alerts pause until it is back.")
        : ($"Gateway {offline.GatewayId} is offline", $"Lost contact at {Clock(offline.Since)}. Temperatures and alerts pause until it is back.");

    private string Clock(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, timeZone).ToString("HH:mm", Invariant);
        return timeZone == TimeZoneInfo.Utc ? $"{local} UTC" : local;
    }

    private static string Date(DateOnly date) => date.ToString("ddd d MMM", Invariant);

    private static string Estimated(FoodEventData food) => food.Estimated ? " (estimated)" : string.Empty;

    private static string Where(FoodEventData food)
    {
        if (food.Location is not { } location)
        {
            return string.Empty;
        }

        var place = $"in the {location.ToString().ToLowerInvariant()}.";
        return food.Quantity is { } quantity
            ? $" {Number(quantity)}{(food.Unit is { } unit ? " " + unit : string.Empty)} {place}"
            : $" {Capitalized(place)}";
    }

    private static string Celsius(double celsius) => $"{Number(celsius)} °C";

    private static string Number(double value) => value.ToString("0.#", Invariant);

    private static string Capitalized(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
