using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Cloud.Core.Views;
using SmartHome.Contracts.Events;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Views;

public class InventoryViewTests
{
    /// <summary>Tuesday 24 November 2026, 23:30 UTC: already Wednesday 25 November in Berlin.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 23, 30, 0, TimeSpan.Zero);

    private static readonly DateOnly BerlinToday = new(2026, 11, 25);

    [Theory]
    [InlineData(-1, FoodState.Expired)]
    [InlineData(0, FoodState.Expiring)]
    [InlineData(2, FoodState.Expiring)]
    [InlineData(3, FoodState.Fresh)]
    public void StateOf_BestBeforeInTheHouseholdsCalendar_FollowsTheWarningWindow(int daysFromToday, FoodState expected)
    {
        var item = Item("milk-1", BerlinToday.AddDays(daysFromToday));

        Assert.Equal(expected, InventoryView.StateOf(item, BerlinToday, warningWindowDays: 2));
    }

    [Fact]
    public void StateOf_UnsafeReason_IsUnsafeWhateverTheDate()
    {
        var item = Item("chicken-1", BerlinToday.AddDays(5));
        item.UnsafeReason = "above 5 °C for 2 h 10 min";

        Assert.Equal(FoodState.Unsafe, InventoryView.StateOf(item, BerlinToday, warningWindowDays: 2));
    }

    [Fact]
    public void StateOf_NoDate_IsFresh() =>
        Assert.Equal(FoodState.Fresh, InventoryView.StateOf(Item("jar-1", null), BerlinToday, warningWindowDays: 2));

    [Fact]
    public void Of_TwinInBerlinJustAfterMidnight_JudgesByBerlinsDayAndSortsEatFirst()
    {
        var twin = NewTwin();
        twin.Settings.TimeZone = "Europe/Berlin";
        var unsafeChicken = Item("chicken-1", BerlinToday.AddDays(4), "Chicken");
        unsafeChicken.UnsafeReason = "above 5 °C for 2 h 10 min, unsafe from 14:20";
        unsafeChicken.EstimateReason = "no label: chicken, about 2 days in the fridge";
        var movedYoghurt = Item("yoghurt-1", BerlinToday.AddDays(1), "Yoghurt");
        (movedYoghurt.Estimated, movedYoghurt.EstimateReason) = (true, "kept warm: about 25 hours of life used up by 24 h above 4 °C on Tue 24 Nov, up to 10 °C");
        twin.Inventory.AddRange([
            Item("jam-1", null, "Jam"),
            Item("cheese-1", BerlinToday.AddDays(9), "Cheese"),
            Item("milk-2", BerlinToday.AddDays(2), "Milk"),
            movedYoghurt,
            Item("butter-1", BerlinToday.AddDays(2), "Butter"),
            Item("ham-1", BerlinToday.AddDays(-1), "Ham"),
            unsafeChicken,
        ]);

        var sut = InventoryView.Of(twin, Now);

        Assert.Equal((Now, "Europe/Berlin", 2), (sut.AsOf, sut.TimeZone, sut.WarningWindowDays));
        Assert.Equal(
            [
                ("chicken-1", FoodState.Unsafe), ("ham-1", FoodState.Expired), ("yoghurt-1", FoodState.Expiring),
                ("butter-1", FoodState.Expiring), ("milk-2", FoodState.Expiring), ("cheese-1", FoodState.Fresh), ("jam-1", FoodState.Fresh),
            ],
            sut.Items.Select(i => (i.ItemId, i.State)));
        var byId = sut.Items.ToDictionary(i => i.ItemId);
        Assert.Equal(unsafeChicken.UnsafeReason, byId["chicken-1"].Why);
        Assert.Equal(movedYoghurt.EstimateReason, byId["yoghurt-1"].Why);
        Assert.Null(byId["ham-1"].Why);
        Assert.Equal((-1, 1, (int?)null), (byId["ham-1"].DaysLeft, byId["yoghurt-1"].DaysLeft, byId["jam-1"].DaysLeft));
    }

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("posix/Europe/Berlin", "Europe/Berlin")]
    [InlineData("right/Europe/Berlin", "Europe/Berlin")]
    [InlineData("Not/AZone", "UTC")]
    public void Of_TimeZone_IsTheIanaNameOfTheZoneTheDaysAreJudgedIn(string setting, string expected)
    {
        // The dashboard hands it to the browser's Intl.DateTimeFormat, which throws a RangeError on the tz database's
        // posix/ and right/ names that the settings API accepts (they resolve from /usr/share/zoneinfo), so the whole
        // page failed to load; and a twin may hold a name that no longer resolves, whose days are judged in UTC.
        var twin = NewTwin();
        twin.Settings.TimeZone = setting;

        Assert.Equal(expected, InventoryView.Of(twin, Now).TimeZone);
    }

    [Fact]
    public void Of_ItemsTheFoodRulesRaiseFor_AreTheOnesShownExpiringAndExpired()
    {
        var engine = Engine(new FakeTimeProvider(Start));
        var twin = NewTwin();
        twin.Settings.TimeZone = "Pacific/Auckland";
        twin.Settings.WarningWindowDays = 3;
        var today = HouseholdCalendar.DateOf(Start, twin.Settings.ResolveTimeZone());

        var raised = engine.Apply(twin, Envelope([.. Enumerable.Range(-2, 8).Select(d => Added($"item{d}", Start, bestBefore: today.AddDays(d)))]));
        var sut = InventoryView.Of(twin, Start);

        Assert.Equal(Subjects(raised, NeedEventTypes.FoodExpiring), Shown(sut, FoodState.Expiring));
        Assert.Equal(Subjects(raised, NeedEventTypes.FoodExpired), Shown(sut, FoodState.Expired));
        Assert.Equal(4, Shown(sut, FoodState.Expiring).Count());
    }

    private static IEnumerable<string> Subjects(IEnumerable<SmartHome.Cloud.Core.Events.NeedEvent> events, string type) =>
        events.Where(e => e.Type == type).Select(e => e.Subject!["items/".Length..]).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Shown(InventoryView view, FoodState state) =>
        view.Items.Where(i => i.State == state).Select(i => i.ItemId).Order(StringComparer.Ordinal);

    private static InventoryItem Item(string itemId, DateOnly? bestBefore, string name = "Milk") => new()
    {
        ItemId = itemId,
        ApplianceId = ApplianceId,
        Name = name,
        AddedAt = Now.AddDays(-1),
        BestBefore = bestBefore,
        EstimatedBestBefore = bestBefore,
    };
}
