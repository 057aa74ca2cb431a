using SmartHome.Cloud.Core.Serialization;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Notifications;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Serialization;

public class NotificationSettingsSerializationTests
{
    [Fact]
    public void Deserialize_NotificationSettingsAndLog_RoundTrip()
    {
        var twin = NewTwin();
        twin.Settings.Notifications = new()
        {
            QuietHours = new(new(22, 30), new(6, 45)),
            UrgentDuringQuietHours = false,
            Types = { [NeedEventTypes.ApplianceOffline] = NotificationMode.Digest, [NeedEventTypes.DoorLeftOpen] = NotificationMode.Off },
            RepeatWindow = TimeSpan.FromHours(12),
        };
        var told = new HouseholdNotification
        {
            Id = Guid.NewGuid(), HouseholdId = HouseholdId, EventId = "e-1", Type = NeedEventTypes.ApplianceOffline, Severity = NotificationSeverity.Urgent,
            Title = "fridge-1 is offline", Body = "It went offline at 03:00.", Subject = "appliances/fridge-1", At = Start,
        };
        twin.Notified.TryTell(told, twin.Settings.Notifications.RepeatWindow);
        twin.Notified.KeepForDigest(told);

        var json = TwinSerializer.Serialize(twin);
        var sut = TwinSerializer.Deserialize(json);

        Assert.Equal(twin.Settings.Notifications.QuietHours, sut.Settings.Notifications.QuietHours);
        Assert.False(sut.Settings.Notifications.UrgentDuringQuietHours);
        Assert.Equal(twin.Settings.Notifications.Types, sut.Settings.Notifications.Types);
        Assert.Equal(TimeSpan.FromHours(12), sut.Settings.Notifications.RepeatWindow);
        Assert.Equal(twin.Notified.Told, sut.Notified.Told);
        Assert.Equal(told, Assert.Single(sut.Notified.ForDigest));
        Assert.Contains("\"shg.appliance.door-left-open.v1\":\"off\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SerializeThenDeserialize_NoQuietHours_StaysNone()
    {
        var twin = new HouseholdTwin { HouseholdId = "home-1" };
        twin.Settings.Notifications.QuietHours = null;

        var sut = TwinSerializer.Deserialize(TwinSerializer.Serialize(twin));

        Assert.Null(sut.Settings.Notifications.QuietHours);
    }

    [Fact]
    public void Deserialize_TwinStoredBeforeNotificationSettings_TakesTheDefaults()
    {
        var sut = TwinSerializer.Deserialize("""{"householdId":"home-1","settings":{"warningWindowDays":2}}""");

        Assert.Equal(NotificationSettings.DefaultQuietHours, sut.Settings.Notifications.QuietHours);
        Assert.True(sut.Settings.Notifications.UrgentDuringQuietHours);
        Assert.Equal(NotificationSettings.DefaultRepeatWindow, sut.Settings.Notifications.RepeatWindow);
        Assert.Equal(NotificationMode.Digest, sut.Settings.Notifications.ModeOf(NeedEventTypes.FoodExpiring));
        Assert.Empty(sut.Notified.Told);
    }
}
