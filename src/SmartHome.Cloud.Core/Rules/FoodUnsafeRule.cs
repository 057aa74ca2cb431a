using System.Globalization;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.ShelfLife;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Core.Rules;

/// <summary>
/// <c>shg.food.unsafe.v1</c>: a perishable item (<see cref="Perishables"/>) spent more than <see cref="CoreOptions.UnsafeAfter"/> in total above
/// <see cref="CoreOptions.UnsafeAboveCelsius"/> during its current stay (USDA's two-hour rule for the danger zone),
/// whatever its date. Judged on the compartment's history of good readings, so suspect readings never count. Once
/// per item: it stays unsafe.
/// </summary>
internal sealed class FoodUnsafeRule : INeedRule
{
    public void Evaluate(RuleContext context, DateTimeOffset now)
    {
        foreach (var item in context.Twin.Inventory)
        {
            if (item.UnsafeReason is not null
                || !Perishables.Include(item.Category)
                || item.Exposure?.Total is not { UnsafeFrom: { } unsafeFrom } dose)
            {
                continue;
            }

            item.UnsafeReason = $"kept above {ExposureWords.Celsius(context.Options.UnsafeAboveCelsius)} for " +
                $"{ExposureWords.Duration(dose.AboveUnsafe)} in total, up to {ExposureWords.Celsius(dose.PeakCelsius ?? context.Options.UnsafeAboveCelsius)}";
            context.Raise(
                NeedEventTypes.FoodUnsafe,
                Subjects.Item(item.ItemId),
                item.AddedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
                unsafeFrom,
                FoodEvents.Data(item, item.EstimatedBestBefore ?? HouseholdCalendar.DateOf(now, context.TimeZone)) with { Reason = item.UnsafeReason },
                ContractsJsonContext.Default.FoodEventData);
        }
    }
}
