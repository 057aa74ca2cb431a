using System.Globalization;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.ShelfLife;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Core.Rules;

/// <summary>
/// <c>shg.food.unsafe.v1</c>: a perishable item spent more than <see cref="CoreOptions.UnsafeAfter"/> in total above
/// <see cref="CoreOptions.UnsafeAboveCelsius"/> during its current stay (USDA's two-hour rule for the danger zone),
/// whatever its date. Judged on the compartment's history of good readings, so suspect readings never count. Once
/// per item: it stays unsafe.
/// </summary>
internal sealed class FoodUnsafeRule : INeedRule
{
    /// <summary>
    /// Categories where bacteria that make people ill grow in warm food: dairy, eggs, meat, poultry, fish, deli,
    /// cooked and prepared food. Not condiments, bread, whole fruit and vegetables, drinks or tins.
    /// </summary>
    private static readonly HashSet<string> PerishableCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        "dairy", "milk", "cheese", "yogurt", "yoghurt", "eggs", "egg",
        "meat", "poultry", "fish", "seafood", "deli", "cold cuts", "vegetarian protein",
        "leftovers", "prepared", "ready meal", "cooked", "dips",
    };

    public void Evaluate(RuleContext context, DateTimeOffset now)
    {
        foreach (var item in context.Twin.Inventory)
        {
            if (item.UnsafeReason is not null
                || item.Category is not { } category
                || !PerishableCategories.Contains(category)
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
