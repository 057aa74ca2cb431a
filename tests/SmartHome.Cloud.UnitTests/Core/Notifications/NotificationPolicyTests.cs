using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Notifications;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using static SmartHome.Cloud.UnitTests.Core.Notifications.NotificationTestEvents;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Notifications;

public class NotificationPolicyTests
{
    /// <summary>Monday 23 November 2026, 10:00 UTC: after the default digest time.</summary>
    private static readonly DateTimeOffset Now = Start;

    [Fact]
    public void Apply_Defaults_UrgentAndExpiredAtOnce_ExpiringLeftToTheDigest()
    {
        var time = new FakeTimeProvider(Now);
        var twin = NewTwin();
        twin.ExpiringDigestOn = Today;
        var expiring = Engine(time).Apply(twin, Envelope(Added("yoghurt-1", Now, name: "Yoghurt", bestBefore: Today.AddDays(1))));

        var sut = NotificationPolicy.Apply(twin, [.. expiring, Excursion(HouseholdId, Now), Expired(HouseholdId, Now)], Now);

        Assert.Equal([NeedEventTypes.FoodExpiring], expiring.Select(e => e.Type));
        Assert.Equal(
            [(NeedEventTypes.TemperatureExcursion, (DateTimeOffset?)null), (NeedEventTypes.FoodExpired, null)],
            sut.ToStore.Select(p => (p.Notification.Type, p.ReleaseAt)));
        Assert.Empty(sut.Repeats);
        Assert.Empty(twin.Notified.ForDigest);
    }

    [Fact]
    public void Apply_TypeOff_MakesNothing()
    {
        var twin = NewTwin();
        twin.Settings.Notifications.Types[NeedEventTypes.TemperatureExcursion] = NotificationMode.Off;

        var sut = NotificationPolicy.Apply(twin, [Excursion(HouseholdId, Now), Expired(HouseholdId, Now)], Now);

        Assert.Equal([NeedEventTypes.FoodExpired], sut.ToStore.Select(p => p.Notification.Type));
        Assert.Empty(sut.Repeats);
    }

    [Fact]
    public void Apply_TypeSwitchedOffWhileKeptForTheDigest_IsNotInTheDigest()
    {
        var twin = NewTwin();
        twin.ExpiringDigestOn = Today;
        twin.Settings.Notifications.Types[NeedEventTypes.FoodExpired] = NotificationMode.Digest;
        twin.Settings.Notifications.Types[NeedEventTypes.TemperatureExcursion] = NotificationMode.Digest;
        NotificationPolicy.Apply(twin, [Expired(HouseholdId, Now, "ham-1", "Ham"), Excursion(HouseholdId, Now)], Now);

        // The household then switches expired food off: "off" means no channel shows it, the digest included.
        twin.Settings.Notifications.Types[NeedEventTypes.FoodExpired] = NotificationMode.Off;
        var digest = NotificationPolicy.Apply(twin, [], Now.AddHours(22));

        var told = Assert.Single(digest.ToStore).Notification;
        Assert.Equal(NeedEventTypes.TemperatureExcursion, told.Type);
        Assert.DoesNotContain("Ham", told.Title + told.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_TypeDigest_KeptUntilTheDigest_ThenListedWithTheExpiringFood()
    {
        var time = new FakeTimeProvider(Now);
        var twin = NewTwin();
        twin.ExpiringDigestOn = Today;
        twin.Settings.Notifications.Types[NeedEventTypes.FoodExpired] = NotificationMode.Digest;
        var expiring = Engine(time).Apply(twin, Envelope(Added("yoghurt-1", Now, name: "Yoghurt", bestBefore: Today.AddDays(2))));

        var today = NotificationPolicy.Apply(twin, [.. expiring, Expired(HouseholdId, Now, "ham-1", "Ham")], Now);
        var tomorrowEight = Now.AddHours(22);
        var early = NotificationPolicy.Apply(twin, [], tomorrowEight.AddMinutes(-1));
        var digest = NotificationPolicy.Apply(twin, [], tomorrowEight);

        Assert.Empty(today.ToStore);
        Assert.Empty(early.ToStore);
        var planned = Assert.Single(digest.ToStore);
        Assert.Equal(
            (NeedEventTypes.FoodExpiring, "1 item expiring and 1 more", "Yoghurt (tomorrow). Ham has expired.", tomorrowEight, (DateTimeOffset?)null),
            (planned.Notification.Type, planned.Notification.Title, planned.Notification.Body, planned.Notification.At, planned.ReleaseAt));
        Assert.Empty(twin.Notified.ForDigest);
    }

    [Fact]
    public void Apply_OnlyOtherTypesInTheDigest_TheDigestIsTheirs()
    {
        var twin = NewTwin();
        twin.ExpiringDigestOn = Today;
        twin.Settings.Notifications.Types[NeedEventTypes.FoodExpired] = NotificationMode.Digest;
        var ham = Expired(HouseholdId, Now, "ham-1", "Ham");

        NotificationPolicy.Apply(twin, [ham], Now);
        var sut = Assert.Single(NotificationPolicy.Apply(twin, [], Now.AddHours(22)).ToStore).Notification;

        Assert.Equal((NeedEventTypes.FoodExpired, ham.Id, "Ham has expired", "Ham has expired."), (sut.Type, sut.EventId, sut.Title, sut.Body));
    }

    [Fact]
    public void Apply_ExpiringNow_NotifiedOnItsOwn_AndLeftOutOfTheDigest()
    {
        var time = new FakeTimeProvider(Now);
        var twin = NewTwin();
        twin.Settings.Notifications.Types[NeedEventTypes.FoodExpiring] = NotificationMode.Now;
        var expiring = Engine(time).Apply(twin, Envelope(Added("yoghurt-1", Now, name: "Yoghurt", bestBefore: Today.AddDays(1))));

        var sut = NotificationPolicy.Apply(twin, expiring, Now);

        var planned = Assert.Single(sut.ToStore);
        Assert.Equal((NeedEventTypes.FoodExpiring, "Yoghurt expires tomorrow"), (planned.Notification.Type, planned.Notification.Title));
        Assert.Null(twin.ExpiringDigestOn);
    }

    [Fact]
    public void Apply_SameNewsWithinTheRepeatWindow_NotMadeAgain_PerSubject_AndAgainAfterIt()
    {
        var twin = NewTwin();

        var first = NotificationPolicy.Apply(twin, [Excursion(HouseholdId, Now)], Now);
        var flapping = NotificationPolicy.Apply(twin, [Excursion(HouseholdId, Now.AddHours(1)), Excursion(HouseholdId, Now.AddHours(1), "freezer")], Now.AddHours(1));
        var justInside = NotificationPolicy.Apply(twin, [Excursion(HouseholdId, Now.AddHours(6).AddTicks(-1))], Now.AddHours(6));
        var after = NotificationPolicy.Apply(twin, [Excursion(HouseholdId, Now.AddHours(6))], Now.AddHours(6));

        Assert.Single(first.ToStore);
        Assert.Equal(["appliances/fridge-1/freezer"], flapping.ToStore.Select(p => p.Notification.Subject));
        Assert.Equal(["appliances/fridge-1/fridge"], flapping.Repeats.Select(r => r.Subject));
        Assert.Empty(justInside.ToStore);
        Assert.Single(justInside.Repeats);
        Assert.Single(after.ToStore);
    }

    [Fact]
    public void Apply_RepeatWindowZero_RepeatsEverything()
    {
        var twin = NewTwin();
        twin.Settings.Notifications.RepeatWindow = TimeSpan.Zero;

        NotificationPolicy.Apply(twin, [Excursion(HouseholdId, Now)], Now);
        var sut = NotificationPolicy.Apply(twin, [Excursion(HouseholdId, Now)], Now);

        Assert.Single(sut.ToStore);
    }

    [Fact]
    public void Apply_InQuietHours_WarningHeldUntilTheirEnd_UrgentAtOnce()
    {
        var twin = NewTwin();
        twin.Settings.Notifications.QuietHours = new(new(22, 0), new(7, 0));
        var elevenPm = Now.AddHours(13);

        var sut = NotificationPolicy.Apply(twin, [Excursion(HouseholdId, elevenPm), Expired(HouseholdId, elevenPm)], elevenPm);

        Assert.Equal(
            [(NeedEventTypes.TemperatureExcursion, (DateTimeOffset?)null), (NeedEventTypes.FoodExpired, elevenPm.AddHours(8))],
            sut.ToStore.Select(p => (p.Notification.Type, p.ReleaseAt)));
    }

    [Fact]
    public void Apply_DigestTimeInsideQuietHours_DigestReleasedAtTheirEnd()
    {
        var time = new FakeTimeProvider(Now);
        var twin = NewTwin();
        twin.Settings.ExpiringDigestAt = new(6, 30);
        twin.Settings.Notifications.QuietHours = new(new(22, 0), new(7, 0));
        twin.ExpiringDigestOn = Today;
        var expiring = Engine(time).Apply(twin, Envelope(Added("yoghurt-1", Now, name: "Yoghurt", bestBefore: Today.AddDays(2))));
        NotificationPolicy.Apply(twin, expiring, Now);
        var tomorrow = Start.Date.AddDays(1);

        var sut = Assert.Single(NotificationPolicy.Apply(twin, [], new DateTimeOffset(tomorrow.AddHours(6.5), TimeSpan.Zero)).ToStore);

        Assert.Equal(new DateTimeOffset(tomorrow.AddHours(7), TimeSpan.Zero), sut.ReleaseAt);
    }
}
