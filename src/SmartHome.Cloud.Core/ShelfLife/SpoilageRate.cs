using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.ShelfLife;

/// <summary>
/// The square-root (Ratkowsky) model of how fast chilled food spoils: the growth rate of spoilage bacteria rises
/// with the square of the distance above a notional minimum temperature, so relative to the temperature a
/// shelf-life figure assumes the rate is r(T) = ((T − Tmin) / (Tref − Tmin))², and 0 at or below Tmin.
/// </summary>
/// <param name="MinCelsius">Tmin: no growth at or below it.</param>
/// <param name="ReferenceCelsius">Tref: the temperature the shelf-life figure assumes; r(Tref) = 1.</param>
/// <param name="NominalRate">
/// The rate the figure already allows for, subtracted from r(T): 1 in the fridge (its figure assumes Tref), 0 in the
/// freezer (its figure assumes frozen food, which spoils at no rate on this scale). Life is never given back, so a
/// compartment colder than nominal does not push a date later.
/// </param>
internal sealed record SpoilageRate(double MinCelsius, double ReferenceCelsius, double NominalRate)
{
    /// <summary>Tmin of psychrotrophic spoilage bacteria (Pseudomonas and the like) in chilled food.</summary>
    public const double DefaultMinCelsius = -10;

    /// <summary>What FoodKeeper's refrigerator figures assume: 40 °F, about 4 °C.</summary>
    public const double FridgeCelsius = 4;

    private static readonly SpoilageRate Fridge = new(DefaultMinCelsius, FridgeCelsius, 1);
    private static readonly SpoilageRate Freezer = new(DefaultMinCelsius, FridgeCelsius, 0);

    /// <summary>The rate for a place; null for the pantry, whose figures are for food that does not spoil by bacterial growth.</summary>
    public static SpoilageRate? For(StorageLocation location) => location switch
    {
        StorageLocation.Fridge => Fridge,
        StorageLocation.Freezer => Freezer,
        _ => null,
    };

    /// <summary>Above this temperature life is used up faster than nominal.</summary>
    public double WarmAboveCelsius => NominalRate > 0 ? MinCelsius + ((ReferenceCelsius - MinCelsius) * Math.Sqrt(NominalRate)) : MinCelsius;

    /// <summary>
    /// Life used beyond nominal, in hours, over <paramref name="hours"/> in which the temperature moves linearly from
    /// <paramref name="fromCelsius"/> to <paramref name="toCelsius"/>, all of it above <see cref="WarmAboveCelsius"/>:
    /// the integral of a square of a linear function is exact.
    /// </summary>
    public double ExtraHours(double fromCelsius, double toCelsius, double hours)
    {
        var u0 = Relative(fromCelsius);
        var u1 = Relative(toCelsius);
        return hours * ((((u0 * u0) + (u0 * u1) + (u1 * u1)) / 3) - NominalRate);
    }

    private double Relative(double celsius) => (celsius - MinCelsius) / (ReferenceCelsius - MinCelsius);
}
