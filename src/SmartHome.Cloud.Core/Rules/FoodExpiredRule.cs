using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Core.Rules;

/// <summary><c>shg.food.expired.v1</c>: the item's effective best-before has passed (the day after it began). Once per item and date.</summary>
internal sealed class FoodExpiredRule : INeedRule
{
    public void Evaluate(RuleContext context, DateTimeOffset now)
    {
        var today = HouseholdCalendar.DateOf(now, context.TimeZone);
        foreach (var item in context.Twin.Inventory)
        {
            if (item.EstimatedBestBefore is not { } bestBefore || !FoodDates.IsExpired(bestBefore, today) || item.ExpiredReportedFor == bestBefore)
            {
                continue;
            }

            item.ExpiredReportedFor = bestBefore;
            var dayAfter = HouseholdCalendar.StartOf(bestBefore.AddDays(1), context.TimeZone);
            context.Raise(
                NeedEventTypes.FoodExpired,
                Subjects.Item(item.ItemId),
                FoodEvents.Occurrence(item, bestBefore),
                FoodEvents.Time(item, dayAfter),
                FoodEvents.Data(item, bestBefore),
                ContractsJsonContext.Default.FoodEventData);
        }
    }
}
