using System.Globalization;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.Core.Rules;

/// <summary>What the food rules share: the event data and the occurrence an item's best-before makes.</summary>
internal static class FoodEvents
{
    public static FoodEventData Data(InventoryItem item, DateOnly bestBefore) => new()
    {
        ItemId = item.ItemId,
        Name = item.DisplayName,
        Category = item.Category,
        Location = item.Location,
        Quantity = item.Quantity,
        Unit = item.Unit,
        BestBefore = bestBefore,
        LabelBestBefore = item.BestBefore,
        Estimated = item.Estimated,
    };

    /// <summary>This item (an id can be reused once the first one is gone) with this best-before.</summary>
    public static string Occurrence(InventoryItem item, DateOnly bestBefore) =>
        $"{item.AddedAt.UtcTicks}/{bestBefore.ToString("O", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The event time of a food situation: when the calendar brought it, or, if later, the event time of the record
    /// its best-before follows from (adding, or a move, freezing, thawing or opening that set it; an opening that left
    /// the date as it was does not count, however late its record arrived).
    /// </summary>
    public static DateTimeOffset Time(InventoryItem item, DateTimeOffset calendarStart) =>
        (item.EstimateSince ?? item.AddedAt) > calendarStart ? item.EstimateSince ?? item.AddedAt : calendarStart;
}
