using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.FirmwareSim.Household;

/// <summary>A kind of food the simulated household buys or makes; one entry of <c>Household/catalog.json</c>.</summary>
/// <param name="Slug">The stem of the item ids of this product (<c>milk</c> gives <c>milk-1</c>, <c>milk-2</c>, ...).</param>
/// <param name="Name">What the label says.</param>
/// <param name="Barcode">The EAN-13 on the pack; null for food made at home.</param>
/// <param name="Category">The food category the cloud's shelf-life catalog knows it by.</param>
/// <param name="Unit">The unit of its quantities: <c>l</c>, <c>g</c> or <c>pcs</c>.</param>
/// <param name="PackQuantity">How much one pack holds, in <paramref name="Unit"/>.</param>
/// <param name="Portion">How much one person's use takes, in <paramref name="Unit"/>.</param>
/// <param name="Location">Where it is kept.</param>
/// <param name="Sealed">Whether the pack is opened once before use, so the appliance reports <c>opened</c>.</param>
/// <param name="BestBeforeDays">The best-before of a fresh pack (or dish), in days from purchase (or cooking).</param>
/// <param name="Meals">When the household eats it.</param>
/// <param name="Staple">Whether the household restocks it whenever it runs low.</param>
internal sealed record Product(
    string Slug,
    string Name,
    string? Barcode,
    string Category,
    string Unit,
    double PackQuantity,
    double Portion,
    StorageLocation Location,
    bool Sealed,
    DayRange BestBeforeDays,
    IReadOnlyList<Meal> Meals,
    bool Staple = false)
{
    public bool MadeAtHome => Barcode is null;

    public bool EatenAt(Meal meal)
    {
        foreach (var m in Meals)
        {
            if (m == meal)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The best-before of a pack bought (or a dish made) on <paramref name="day"/>.</summary>
    public DateOnly BestBeforeFrom(DateOnly day, Random random) => day.AddDays(random.Next(BestBeforeDays.Min, BestBeforeDays.Max + 1));
}

/// <summary>A whole number of days from <see cref="Min"/> to <see cref="Max"/>, both included.</summary>
internal sealed record DayRange(int Min, int Max);

/// <summary>The times the household goes to the fridge for food.</summary>
internal enum Meal
{
    Breakfast,
    Lunch,
    Dinner,
    Snack,
}
