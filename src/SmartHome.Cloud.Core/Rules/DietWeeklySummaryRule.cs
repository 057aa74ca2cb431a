using System.Globalization;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Core.Rules;

/// <summary>
/// <c>shg.diet.weekly-summary.v1</c>: what was consumed per category over each household week (Monday 00:00 local
/// to the next), raised once, <see cref="CoreOptions.WeeklySummaryDelay"/> after the week ends, with the week's end as
/// its time. Consumption counts in the week of its own event time; a week without any raises nothing.
/// </summary>
internal sealed class DietWeeklySummaryRule : INeedRule
{
    private const string Uncategorised = "other";

    public void OnChange(RuleContext context, TwinChange change)
    {
        if (change is not ItemConsumed { Item: var item } consumed)
        {
            return;
        }

        var diet = context.Twin.Diet;
        var weekStart = HouseholdCalendar.WeekStartOf(HouseholdCalendar.DateOf(consumed.At, context.TimeZone));
        if (weekStart <= diet.SummarizedThrough)
        {
            return;
        }

        var week = diet.Weeks.Find(w => w.WeekStart == weekStart);
        if (week is null)
        {
            week = new DietWeek { WeekStart = weekStart };
            diet.Weeks.Add(week);
        }

        var name = item.Category?.Trim().ToLowerInvariant() is { Length: > 0 } category ? category : Uncategorised;
        var total = week.Categories.Find(c => c.Category == name);
        if (total is null)
        {
            total = new DietCategory { Category = name };
            week.Categories.Add(total);
        }

        total.Kilograms += Quantities.Normalize(consumed.Quantity, item.Unit) is { Kind: QuantityKind.Mass or QuantityKind.Volume } amount ? amount.Amount : 0;
        if (!total.ItemIds.Contains(item.ItemId))
        {
            total.ItemIds.Add(item.ItemId);
        }
    }

    public void Evaluate(RuleContext context, DateTimeOffset now)
    {
        var diet = context.Twin.Diet;
        foreach (var week in diet.Weeks.OrderBy(w => w.WeekStart).ToList())
        {
            var weekEnd = HouseholdCalendar.StartOf(week.WeekStart.AddDays(7), context.TimeZone);
            if (now < weekEnd + context.Options.WeeklySummaryDelay)
            {
                continue;
            }

            diet.Weeks.Remove(week);
            diet.SummarizedThrough = week.WeekStart;
            context.Raise(
                NeedEventTypes.DietWeeklySummary,
                subject: null,
                week.WeekStart.ToString("O", CultureInfo.InvariantCulture),
                weekEnd,
                new DietWeeklySummaryData
                {
                    WeekStart = week.WeekStart,
                    Categories = [.. week.Categories
                        .OrderBy(c => c.Category, StringComparer.Ordinal)
                        .Select(c => new CategoryConsumption { Category = c.Category, Quantity = Math.Round(c.Kilograms, 3), Items = c.ItemIds.Count })],
                },
                ContractsJsonContext.Default.DietWeeklySummaryData);
        }
    }
}
