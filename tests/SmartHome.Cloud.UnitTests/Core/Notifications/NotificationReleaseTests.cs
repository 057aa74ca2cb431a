using SmartHome.Cloud.Core.Notifications;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Notifications;

namespace SmartHome.Cloud.UnitTests.Core.Notifications;

public class NotificationReleaseTests
{
    private static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReleaseAt_Defaults_HoldNewsFrom22To7ButNotUrgentNews()
    {
        var sut = new HouseholdSettings();

        Assert.Equal(new QuietHours(new(22, 0), new(7, 0)), sut.Notifications.QuietHours);
        Assert.Equal(Tuesday.AddHours(7), NotificationRelease.ReleaseAt(sut, NotificationSeverity.Warning, Tuesday));
        Assert.Null(NotificationRelease.ReleaseAt(sut, NotificationSeverity.Warning, Tuesday.AddHours(12)));
        Assert.Null(NotificationRelease.ReleaseAt(sut, NotificationSeverity.Urgent, Tuesday.AddHours(3)));
    }

    [Fact]
    public void ReleaseAt_NoQuietHours_SendsEverythingAtOnce()
    {
        var sut = new HouseholdSettings { Notifications = new() { QuietHours = null } };

        Assert.Null(NotificationRelease.ReleaseAt(sut, NotificationSeverity.Warning, Tuesday.AddHours(3)));
    }

    [Theory]
    [InlineData(21, 59, null)]
    [InlineData(22, 0, 31)]
    [InlineData(23, 30, 31)]
    [InlineData(24, 0, 31)]
    [InlineData(27, 0, 31)]
    [InlineData(30, 59, 31)]
    [InlineData(31, 0, null)]
    public void ReleaseAt_WarningInQuietHoursAcrossMidnight_HeldUntilTheirEnd(int hour, int minute, int? releaseHour)
    {
        var sut = WithQuietHours("UTC", new(22, 0), new(7, 0));

        var releaseAt = NotificationRelease.ReleaseAt(sut, NotificationSeverity.Warning, Tuesday.AddHours(hour).AddMinutes(minute));

        Assert.Equal(releaseHour is { } h ? Tuesday.AddHours(h) : null, releaseAt);
    }

    [Fact]
    public void ReleaseAt_QuietHoursWithinOneDay_HeldOnlyInside()
    {
        var sut = WithQuietHours("UTC", new(13, 0), new(15, 30));

        Assert.Equal(Tuesday.AddHours(15.5), NotificationRelease.ReleaseAt(sut, NotificationSeverity.Info, Tuesday.AddHours(14)));
        Assert.Null(NotificationRelease.ReleaseAt(sut, NotificationSeverity.Info, Tuesday.AddHours(16)));
        Assert.Null(NotificationRelease.ReleaseAt(sut, NotificationSeverity.Info, Tuesday.AddHours(12)));
    }

    [Fact]
    public void ReleaseAt_UrgentInQuietHours_AtOnceByDefault_HeldWhenTheHouseholdSaysSo()
    {
        var sut = WithQuietHours("UTC", new(22, 0), new(7, 0));
        var threeAm = Tuesday.AddHours(3);

        var byDefault = NotificationRelease.ReleaseAt(sut, NotificationSeverity.Urgent, threeAm);
        sut.Notifications.UrgentDuringQuietHours = false;
        var heldBack = NotificationRelease.ReleaseAt(sut, NotificationSeverity.Urgent, threeAm);

        Assert.Null(byDefault);
        Assert.Equal(Tuesday.AddHours(7), heldBack);
    }

    [Fact]
    public void ReleaseAt_BerlinNightTheClocksGoBack_EndsAtSevenLocalWinterTime()
    {
        // Sunday 25 October 2026, 03:00 CEST becomes 02:00 CET: the night is an hour longer.
        var sut = WithQuietHours("Europe/Berlin", new(22, 0), new(7, 0));
        var elevenPmSummerTime = new DateTimeOffset(2026, 10, 24, 21, 0, 0, TimeSpan.Zero);

        var releaseAt = NotificationRelease.ReleaseAt(sut, NotificationSeverity.Warning, elevenPmSummerTime);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 7, 0, 0, TimeSpan.FromHours(1)), releaseAt);
        Assert.Null(NotificationRelease.ReleaseAt(sut, NotificationSeverity.Warning, elevenPmSummerTime.AddHours(-1.5)));
    }

    [Fact]
    public void ReleaseAt_BerlinNightTheClocksGoForward_EndsAtSevenLocalSummerTime()
    {
        // Sunday 29 March 2026, 02:00 CET becomes 03:00 CEST.
        var sut = WithQuietHours("Europe/Berlin", new(22, 0), new(7, 0));
        var midnight = new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.FromHours(2)), NotificationRelease.ReleaseAt(sut, NotificationSeverity.Warning, midnight));
    }

    [Fact]
    public void ReleaseAt_QuietHoursEndingAtATimeTheClocksSkip_EndWhenTheyJump()
    {
        var sut = WithQuietHours("Europe/Berlin", new(22, 0), new(2, 30));
        var midnight = new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), NotificationRelease.ReleaseAt(sut, NotificationSeverity.Warning, midnight));
    }

    private static HouseholdSettings WithQuietHours(string timeZone, TimeOnly from, TimeOnly to) => new()
    {
        TimeZone = timeZone,
        Notifications = new() { QuietHours = new(from, to) },
    };
}
