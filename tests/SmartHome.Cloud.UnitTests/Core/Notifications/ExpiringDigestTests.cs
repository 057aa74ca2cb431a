using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Notifications;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Notifications;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Notifications;

public class ExpiringDigestTests
{
    private static readonly DateTimeOffset MondayEight = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void ComposeIfDue_ItemsExpiring_ListsThemOnceADaySoonestFirst()
    {
        var twin = TwinWithItems();

        var monday = ExpiringDigest.ComposeIfDue(twin, Start);
        var mondayAgain = ExpiringDigest.ComposeIfDue(twin, Start.AddHours(2));
        var tuesdayEarly = ExpiringDigest.ComposeIfDue(twin, MondayEight.AddDays(1).AddMinutes(-1));
        var tuesday = ExpiringDigest.ComposeIfDue(twin, MondayEight.AddDays(1));

        Assert.NotNull(monday);
        Assert.Equal(
            (NeedEventTypes.FoodExpiring, NotificationSeverity.Warning, "2 items expiring", "Yoghurt (today), Milk (tomorrow).", MondayEight),
            (monday.Type, monday.Severity, monday.Title, monday.Body, monday.At));
        Assert.Null(mondayAgain);
        Assert.Null(tuesdayEarly);
        // Monday's yoghurt has expired by Tuesday: the digest is about what is still to come.
        Assert.NotNull(tuesday);
        Assert.Equal(("1 item expiring", "Milk (today)."), (tuesday.Title, tuesday.Body));
        Assert.NotEqual(monday.Id, tuesday.Id);
    }

    [Fact]
    public void ComposeIfDue_HouseholdInBerlinAtSevenThirty_IsDueAtItsLocalTime()
    {
        var twin = TwinWithItems();
        twin.Settings.TimeZone = "Europe/Berlin";
        twin.Settings.ExpiringDigestAt = new TimeOnly(7, 30);
        twin.ExpiringDigestOn = Today;

        var early = ExpiringDigest.ComposeIfDue(twin, MondayEight.AddDays(1).AddHours(-1.5).AddMinutes(-1));
        var due = ExpiringDigest.ComposeIfDue(twin, MondayEight.AddDays(1).AddHours(-1.5));

        Assert.Null(early);
        Assert.Equal(MondayEight.AddDays(1).AddHours(-1.5), due?.At);
    }

    [Fact]
    public void ComposeIfDue_BerlinOnTheDayTheClocksGoForward_IsDueAtEightLocalSummerTime()
    {
        // Sunday 29 March 2026: midnight is CET (+1), eight o'clock CEST (+2).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));
        var twin = NewTwin();
        twin.Settings.TimeZone = "Europe/Berlin";
        Engine(time).Apply(twin, Envelope(Added("milk-1", time.GetUtcNow(), bestBefore: new DateOnly(2026, 3, 30))));
        twin.ExpiringDigestOn = new DateOnly(2026, 3, 28);
        var eight = new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.FromHours(2));

        var early = ExpiringDigest.ComposeIfDue(twin, eight.AddMinutes(-1));
        var due = ExpiringDigest.ComposeIfDue(twin, eight);

        Assert.Null(early);
        Assert.Equal(eight, due?.At);
    }

    [Fact]
    public void ComposeIfDue_NothingExpiringAtEight_ComposesWhenTheFirstItemEntersTheWindowLater()
    {
        var twin = NewTwin();

        var atEight = ExpiringDigest.ComposeIfDue(twin, MondayEight);
        var dayOpen = twin.ExpiringDigestOn;
        var later = ExpiringDigest.ComposeIfDue(TwinWithItems(twin), Start);

        Assert.Null(atEight);
        Assert.Null(dayOpen);
        Assert.Equal("2 items expiring", later?.Title);
    }

    [Fact]
    public void ComposeIfDue_SameDayComposedAgain_HasTheSameId()
    {
        var first = ExpiringDigest.ComposeIfDue(TwinWithItems(), Start);
        var second = ExpiringDigest.ComposeIfDue(TwinWithItems(), Start.AddMinutes(1));

        Assert.Equal(first?.Id, second?.Id);
    }

    /// <summary>Milk expiring tomorrow, yoghurt today, ham in a week; the engine raised expiring for the first two.</summary>
    private HouseholdTwin TwinWithItems(HouseholdTwin? twin = null)
    {
        twin ??= NewTwin();
        var raised = Engine(_time).Apply(twin, Envelope(
            Added("milk-1", Start.AddHours(-3), bestBefore: Today.AddDays(1)),
            Added("yoghurt-1", Start.AddHours(-3), name: "Yoghurt", bestBefore: Today),
            Added("ham-1", Start.AddHours(-3), name: "Ham", bestBefore: Today.AddDays(7))));
        Assert.Equal(2, raised.Count(e => e.Type == NeedEventTypes.FoodExpiring));
        return twin;
    }
}
