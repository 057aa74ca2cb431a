using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Core.Rules;

/// <summary>
/// <c>shg.food.expiring.v1</c>: the item's effective best-before is today or at most the household's warning window
/// away. Once per item and best-before date; a date that moves (opened, frozen) is a new situation.
/// </summary>
internal sealed class FoodExpiringRule : INeedRule
{
    public void Evaluate(RuleContext context, DateTimeOffset now)
    {
        var today = HouseholdCalendar.DateOf(now, context.TimeZone);
        var window = context.Twin.Settings.WarningWindowDays;
        foreach (var item in context.Twin.Inventory)
        {
            if (item.EstimatedBestBefore is not { } bestBefore
                || !FoodDates.IsExpiring(bestBefore, today, window)
                || item.ExpiringReportedFor == bestBefore)
            {
                continue;
            }

            item.ExpiringReportedFor = bestBefore;
            var windowStart = HouseholdCalendar.StartOf(bestBefore.AddDays(-window), context.TimeZone);
            context.Raise(
                NeedEventTypes.FoodExpiring,
                Subjects.Item(item.ItemId),
                FoodEvents.Occurrence(item, bestBefore),
                FoodEvents.Time(item, windowStart),
                FoodEvents.Data(item, bestBefore),
                ContractsJsonContext.Default.FoodEventData);
        }
    }
}
