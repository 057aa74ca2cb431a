using System.Globalization;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.ShelfLife;

/// <summary>
/// An item's effective best-before: the label's, or the purchase date plus the catalog's days for where it is kept;
/// freezing while still good restarts the clock with the freezer figure, thawing with the after-thawing figure, and
/// opening can only bring the date forward. Last, the life a warm compartment used up beyond nominal
/// (<see cref="TemperatureDose.LifeUsed"/>, see <see cref="SpoilageRate"/>) brings it forward by as many whole days,
/// rounded to the nearest day, unless the food keeps at room temperature at least as long as in the fridge (sealed
/// ketchup, or opened jam's pantry figure): its date is not about chilling, so warmth does not move it.
/// </summary>
internal sealed class ShelfLifeModel(IShelfLifeCatalog catalog)
{
    /// <summary>Below this much life used the compartment simply ran as it should: not worth a word.</summary>
    private static readonly TimeSpan NoticeableLifeUsed = TimeSpan.FromHours(1);

    private readonly RememberedCatalog _catalog = new(catalog);

    public BestBeforeEstimate Estimate(InventoryItem item, TimeZoneInfo timeZone, TemperatureDose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        var figures = _catalog.Find(item.Name, item.Category);
        var estimate = FromPurchase(item, figures, timeZone);
        if (figures is not null)
        {
            estimate = AfterFreezing(item, figures, estimate, timeZone);
            estimate = AfterOpening(item, figures, estimate, timeZone);
        }

        return figures is not null && KeepsAtRoomTemperature(item, figures) ? estimate : AfterWarmth(item, dose, estimate, timeZone);
    }

    private static bool KeepsAtRoomTemperature(InventoryItem item, ShelfLifeFigures figures) => item.OpenedAt is null
        ? figures.PantryDays is { } pantry && pantry >= (figures.FridgeDays ?? 0)
        : figures.PantryAfterOpeningDays is { } pantryOpened && pantryOpened >= (figures.FridgeAfterOpeningDays ?? 0);

    private static BestBeforeEstimate FromPurchase(InventoryItem item, ShelfLifeFigures? figures, TimeZoneInfo timeZone)
    {
        if (item.BestBefore is { } label)
        {
            return new(label, null, item.AddedAt);
        }

        // A frozen item's unfrozen life is what it had in the fridge before (or would have had).
        var place = item.Location == StorageLocation.Freezer ? StorageLocation.Fridge : item.Location;
        return figures?.DaysIn(place) is { } days
            ? new(HouseholdCalendar.DateOf(item.AddedAt, timeZone).AddDays(days), $"no label: {figures.Name}, about {Days(days)} in the {Place(place)}", item.LocationSince)
            : new(null, "no label, and no shelf-life figures for it", item.LocationSince);
    }

    private static BestBeforeEstimate AfterFreezing(InventoryItem item, ShelfLifeFigures figures, BestBeforeEstimate estimate, TimeZoneInfo timeZone)
    {
        if (item.FrozenAt is not { } frozenAt)
        {
            return estimate;
        }

        var frozenOn = HouseholdCalendar.DateOf(frozenAt, timeZone);
        if (estimate.Date is { } date && frozenOn > date)
        {
            // Freezing stops the clock; it does not make spoilt food good again.
            return estimate;
        }

        if (item.Location == StorageLocation.Freezer)
        {
            return figures.FreezerDays is { } freezerDays
                ? new(frozenOn.AddDays(freezerDays), $"frozen on {Day(frozenOn)}: keeps about {Days(freezerDays)} in the freezer", frozenAt)
                : estimate;
        }

        if (item.ThawedAt is { } thawedAt && (figures.FridgeAfterThawingDays ?? figures.FridgeAfterOpeningDays ?? figures.FridgeDays) is { } thawedDays)
        {
            var thawedOn = HouseholdCalendar.DateOf(thawedAt, timeZone);
            return new(thawedOn.AddDays(thawedDays), $"thawed on {Day(thawedOn)}: use within {Days(thawedDays)}", thawedAt);
        }

        return estimate;
    }

    private static BestBeforeEstimate AfterOpening(InventoryItem item, ShelfLifeFigures figures, BestBeforeEstimate estimate, TimeZoneInfo timeZone)
    {
        if (item.OpenedAt is not { } openedAt || figures.AfterOpeningDaysIn(item.Location) is not { } openedDays)
        {
            return estimate;
        }

        var openedOn = HouseholdCalendar.DateOf(openedAt, timeZone);
        var useBy = openedOn.AddDays(openedDays);
        return estimate.Date is { } date && date <= useBy
            ? estimate
            : new(useBy, $"opened on {Day(openedOn)}: use within {Days(openedDays)}", openedAt);
    }

    private static BestBeforeEstimate AfterWarmth(InventoryItem item, TemperatureDose dose, BestBeforeEstimate estimate, TimeZoneInfo timeZone)
    {
        if (estimate.Date is not { } date || dose.LifeUsed < NoticeableLifeUsed || SpoilageRate.For(item.Location) is not { } rate)
        {
            return estimate;
        }

        var daysEarlier = (int)Math.Floor(dose.LifeUsed.TotalDays + 0.5);
        var words = $"kept warm: about {ExposureWords.Amount(dose.LifeUsed)} of life used up by {ExposureWords.Duration(dose.Warm)} " +
            $"above {ExposureWords.Celsius(rate.WarmAboveCelsius)}{WarmDays(dose, timeZone)}, up to {ExposureWords.Celsius(dose.PeakCelsius ?? rate.WarmAboveCelsius)}";
        return estimate with { Date = date.AddDays(-daysEarlier), Reason = estimate.Reason is { } reason ? $"{reason}; {words}" : words };
    }

    /// <summary>" on Tue 24 Nov", or " between Mon 23 Nov and Tue 24 Nov": the household's days the warmth fell on, when known.</summary>
    private static string WarmDays(TemperatureDose dose, TimeZoneInfo timeZone)
    {
        if (dose is not { WarmFrom: { } from, WarmUntil: { } until })
        {
            return string.Empty;
        }

        // Warmth that ended at midnight was the day before's.
        var (first, last) = (HouseholdCalendar.DateOf(from, timeZone), HouseholdCalendar.DateOf(until.AddTicks(-1), timeZone));
        return last <= first ? $" on {WeekDay(first)}" : $" between {WeekDay(first)} and {WeekDay(last)}";
    }

    private static string WeekDay(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    private static string Day(DateOnly date) => date.ToString("d MMM");

    private static string Place(StorageLocation location) => location.ToString().ToLowerInvariant();
}
