using SmartHome.FirmwareSim.Simulation;

namespace SmartHome.FirmwareSim.Household;

/// <summary>Why the door opens.</summary>
internal enum Errand
{
    /// <summary>Takes out what a meal needs.</summary>
    TakeOut,

    /// <summary>Goes back for one more thing during the meal.</summary>
    TakeMore,

    /// <summary>Puts things back after the meal; after dinner, maybe leftovers.</summary>
    PutBack,

    Snack,

    /// <summary>Throws out what is well past its date, then puts the shopping away.</summary>
    ClearOutAndUnpack,

    /// <summary>Puts the rest of a big shop away.</summary>
    UnpackMore,
}

internal readonly record struct PlannedOpening(DateTimeOffset At, Errand Errand, Meal Meal, ShoppingTrip? Trip);

/// <summary>Plans one local day of a <see cref="HouseholdProfile"/>: a few openings around each meal, snacks while awake, shopping trips.</summary>
internal sealed class DayPlanner(HouseholdProfile profile, Random random)
{
    private const double ChanceOfGoingBackDuringAMeal = 0.5;
    private static readonly TimeSpan LongestMealVisit = TimeSpan.FromMinutes(40);
    private static readonly TimeSpan SnacksStopBeforeBedtime = TimeSpan.FromMinutes(15);

    /// <summary>The day's openings, in time order, in UTC.</summary>
    public List<PlannedOpening> Plan(DateOnly day)
    {
        var plan = new List<PlannedOpening>();
        DateTimeOffset At(TimeOnly time) => new DateTimeOffset(day.ToDateTime(time), profile.UtcOffset).ToUniversalTime();

        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        PlanMeal(plan, Meal.Breakfast, At(profile.Breakfast.Start), profile.Breakfast);
        if (weekend || profile.LunchAtHomeOnWeekdays)
        {
            PlanMeal(plan, Meal.Lunch, At(profile.Lunch.Start), profile.Lunch);
        }

        PlanMeal(plan, Meal.Dinner, At(profile.Dinner.Start), profile.Dinner);

        if (profile.SnackOpeningsPerWakingHour > 0)
        {
            var meanGap = TimeSpan.FromHours(1 / profile.SnackOpeningsPerWakingHour);
            var lastSnack = At(profile.Bedtime) - SnacksStopBeforeBedtime;
            for (var at = At(profile.Breakfast.Start) + random.NextExponential(meanGap); at < lastSnack; at += random.NextExponential(meanGap))
            {
                plan.Add(new(at, Errand.Snack, Meal.Snack, null));
            }
        }

        foreach (var trip in profile.ShoppingTrips)
        {
            if (trip.Day != day.DayOfWeek)
            {
                continue;
            }

            var back = At(trip.At);
            plan.Add(new(back, Errand.ClearOutAndUnpack, Meal.Snack, trip));
            if (trip.Big)
            {
                plan.Add(new(back + random.NextBetween(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3)), Errand.UnpackMore, Meal.Snack, trip));
            }
        }

        plan.Sort((a, b) => a.At.CompareTo(b.At));
        return plan;
    }

    private void PlanMeal(List<PlannedOpening> plan, Meal meal, DateTimeOffset windowStart, MealWindow window)
    {
        var takeOut = windowStart + random.NextBetween(TimeSpan.Zero, window.End - window.Start - LongestMealVisit);
        plan.Add(new(takeOut, Errand.TakeOut, meal, null));
        if (random.NextChance(ChanceOfGoingBackDuringAMeal))
        {
            plan.Add(new(takeOut + random.NextBetween(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(6)), Errand.TakeMore, meal, null));
        }

        plan.Add(new(takeOut + random.NextBetween(TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(35)), Errand.PutBack, meal, null));
    }
}
