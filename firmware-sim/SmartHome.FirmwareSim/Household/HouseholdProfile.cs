using System.Globalization;
using System.Text.Json.Serialization;

namespace SmartHome.FirmwareSim.Household;

/// <summary>
/// Who lives with the fridge and how they eat: bound (camelCase) from a scenario file's <c>"household"</c> object,
/// every property optional. The defaults describe a plausible home of two or three. Times of day are local, at
/// <see cref="UtcOffset"/>; a time of day is written <c>"07:30:00"</c>, the offset <c>"01:00:00"</c> or <c>"-05:00:00"</c>.
/// </summary>
public sealed record HouseholdProfile
{
    public const string SectionName = "household";

    public int People { get; init; } = 2;

    /// <summary>The household's offset from UTC; meal and shopping times are local.</summary>
    public TimeSpan UtcOffset { get; init; } = TimeSpan.Zero;

    /// <summary>Its start is when the household gets up.</summary>
    public MealWindow Breakfast { get; init; } = new(new TimeOnly(6, 30), new TimeOnly(8, 30));

    public MealWindow Lunch { get; init; } = new(new TimeOnly(12, 0), new TimeOnly(13, 30));

    public MealWindow Dinner { get; init; } = new(new TimeOnly(18, 0), new TimeOnly(20, 0));

    /// <summary>Lunch at home every day; otherwise only on Saturdays and Sundays.</summary>
    public bool LunchAtHomeOnWeekdays { get; init; }

    /// <summary>No snack openings from 15 minutes before this until breakfast.</summary>
    public TimeOnly Bedtime { get; init; } = new(23, 0);

    public IReadOnlyList<ShoppingTrip> ShoppingTrips { get; init; } =
    [
        new(DayOfWeek.Saturday, new TimeOnly(10, 0), Big: true),
        new(DayOfWeek.Wednesday, new TimeOnly(17, 30), Big: false),
    ];

    /// <summary>How likely dinner leaves something that goes into the fridge.</summary>
    public double LeftoversChance { get; init; } = 0.5;

    /// <summary>How likely leftovers are pushed to the back and forgotten until a clear-out throws them away.</summary>
    public double ForgottenLeftoversChance { get; init; } = 0.2;

    /// <summary>Openings for a drink or a snack, on average per waking hour, besides meals and shopping.</summary>
    public double SnackOpeningsPerWakingHour { get; init; } = 0.4;

    /// <summary>Every problem with the profile, one line each naming the key (<c>household.people</c>); empty when it is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string key, string rule, object? was)
        {
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}.{key} must be {rule}, was {was}"));
            }
        }

        Check(People is >= 1 and <= 12, "people", "from 1 to 12", People);
        Check(UtcOffset >= TimeSpan.FromHours(-14) && UtcOffset <= TimeSpan.FromHours(14) && UtcOffset.Ticks % TimeSpan.TicksPerMinute == 0, "utcOffset", "whole minutes from -14:00 to +14:00", UtcOffset);
        var meals = new (string Key, MealWindow? Window)[] { ("breakfast", Breakfast), ("lunch", Lunch), ("dinner", Dinner) };
        foreach (var (key, window) in meals)
        {
            Check(window is not null && window.End - window.Start >= MealWindow.Shortest && window.Start < window.End, key, $"a window of at least {MealWindow.Shortest.TotalMinutes:0} minutes (start before end)", window is null ? "missing" : $"{window.Start:HH:mm}-{window.End:HH:mm}");
        }

        if (errors.Count == 0)
        {
            Check(Breakfast.End <= Lunch.Start && Lunch.End <= Dinner.Start, "lunch", "after breakfast and before dinner", $"{Lunch.Start:HH:mm}-{Lunch.End:HH:mm}");
            Check(Dinner.End < Bedtime, "bedtime", "after dinner, before midnight", $"{Bedtime:HH:mm}");
        }

        Check(ShoppingTrips is not null, "shoppingTrips", "a list (it may be empty)", "null");
        for (var i = 0; i < (ShoppingTrips?.Count ?? 0); i++)
        {
            var trip = ShoppingTrips![i];
            var awake = Breakfast is null || (trip?.At >= Breakfast.Start && trip.At < Bedtime.AddMinutes(-60));
            Check(trip is not null && awake, $"shoppingTrips[{i}].at", "between breakfast and an hour before bedtime", trip is null ? "missing" : $"{trip.At:HH:mm}");
        }

        Check(LeftoversChance is >= 0 and <= 1, "leftoversChance", "from 0 to 1", LeftoversChance);
        Check(ForgottenLeftoversChance is >= 0 and <= 1, "forgottenLeftoversChance", "from 0 to 1", ForgottenLeftoversChance);
        Check(SnackOpeningsPerWakingHour is >= 0 and <= 10, "snackOpeningsPerWakingHour", "from 0 to 10", SnackOpeningsPerWakingHour);
        return errors;
    }
}

/// <summary>When a meal is eaten, local time: the door opens a few times within it (take out, put back).</summary>
public sealed record MealWindow(TimeOnly Start, TimeOnly End)
{
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(45);
}

/// <summary>A weekly trip to the shops; a big one restocks the staples and buys extras, a top-up only what ran low.</summary>
public sealed record ShoppingTrip([property: JsonConverter(typeof(JsonStringEnumConverter<DayOfWeek>))] DayOfWeek Day, TimeOnly At, bool Big);
