using System.Text.Json;
using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.FirmwareSim.Household;

namespace SmartHome.FirmwareSim.UnitTests.Household;

public sealed class HouseholdProfileTests
{
    private static readonly JsonSerializerOptions ScenarioJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.Empty(new HouseholdProfile().Validate());
    }

    [Fact]
    public void Deserialize_CamelCaseScenarioObject_BindsEveryPropertyAndDefaultsTheRest()
    {
        const string Json = """
            {
              "people": 4,
              "utcOffset": "-05:00:00",
              "breakfast": { "start": "07:00:00", "end": "08:00:00" },
              "lunchAtHomeOnWeekdays": true,
              "shoppingTrips": [ { "day": "Friday", "at": "18:00:00", "big": true } ],
              "leftoversChance": 0.9,
              "snackOpeningsPerWakingHour": 0
            }
            """;

        var profile = JsonSerializer.Deserialize<HouseholdProfile>(Json, ScenarioJson)!;

        Assert.Equal(4, profile.People);
        Assert.Equal(TimeSpan.FromHours(-5), profile.UtcOffset);
        Assert.Equal(new MealWindow(new TimeOnly(7, 0), new TimeOnly(8, 0)), profile.Breakfast);
        Assert.True(profile.LunchAtHomeOnWeekdays);
        Assert.Equal([new ShoppingTrip(DayOfWeek.Friday, new TimeOnly(18, 0), Big: true)], profile.ShoppingTrips);
        Assert.Equal(0.9, profile.LeftoversChance);
        Assert.Equal(0, profile.SnackOpeningsPerWakingHour);
        Assert.Equal(new HouseholdProfile().Dinner, profile.Dinner);
        Assert.Equal(new HouseholdProfile().ForgottenLeftoversChance, profile.ForgottenLeftoversChance);
        Assert.Empty(profile.Validate());
    }

    [Fact]
    public void Validate_BadValues_NamesEachKeyOnItsOwnLine()
    {
        var profile = new HouseholdProfile
        {
            People = 0,
            UtcOffset = TimeSpan.FromHours(15),
            Dinner = new MealWindow(new TimeOnly(19, 0), new TimeOnly(19, 20)),
            ShoppingTrips = [new ShoppingTrip(DayOfWeek.Monday, new TimeOnly(3, 0), Big: false)],
            LeftoversChance = 1.5,
            ForgottenLeftoversChance = -0.1,
            SnackOpeningsPerWakingHour = 11,
        };

        var errors = profile.Validate();

        Assert.Equal(
            [
                "household.people must be from 1 to 12, was 0",
                "household.utcOffset must be whole minutes from -14:00 to +14:00, was 15:00:00",
                "household.dinner must be a window of at least 45 minutes (start before end), was 19:00-19:20",
                "household.shoppingTrips[0].at must be between breakfast and an hour before bedtime, was 03:00",
                "household.leftoversChance must be from 0 to 1, was 1.5",
                "household.forgottenLeftoversChance must be from 0 to 1, was -0.1",
                "household.snackOpeningsPerWakingHour must be from 0 to 10, was 11",
            ],
            errors);
    }

    [Fact]
    public void Validate_MealsOutOfOrder_SaysLunchMustSitBetweenBreakfastAndDinner()
    {
        var profile = new HouseholdProfile { Lunch = new MealWindow(new TimeOnly(7, 0), new TimeOnly(9, 0)) };

        Assert.Equal(["household.lunch must be after breakfast and before dinner, was 07:00-09:00"], profile.Validate());
    }

    [Fact]
    public void Validate_NullMealAndTrip_ReportsThemInsteadOfThrowing()
    {
        var profile = JsonSerializer.Deserialize<HouseholdProfile>("""{ "breakfast": null, "shoppingTrips": [null] }""", ScenarioJson)!;

        Assert.Equal(
            [
                "household.breakfast must be a window of at least 45 minutes (start before end), was missing",
                "household.shoppingTrips[0].at must be between breakfast and an hour before bedtime, was missing",
            ],
            profile.Validate());
    }

    [Fact]
    public void FridgeSimulator_InvalidProfile_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<ArgumentException>(() => new FridgeSimulator(new FridgeSimulatorOptions(), new HouseholdProfile { People = 0 }, DateTimeOffset.UnixEpoch));

        Assert.Contains("household.people must be from 1 to 12, was 0", error.Message, StringComparison.Ordinal);
    }
}
