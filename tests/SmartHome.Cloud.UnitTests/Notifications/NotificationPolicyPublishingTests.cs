using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Cloud.Ingest;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts;
using SmartHome.Contracts.Events;
using SmartHome.Testing;
using static SmartHome.Cloud.UnitTests.Core.Notifications.NotificationTestEvents;

namespace SmartHome.Cloud.UnitTests.Notifications;

/// <summary>The notification policy through the cloud host: what is stored, what the MQTT publisher sends when, what /healthz counts.</summary>
public sealed class NotificationPolicyPublishingTests
{
    private const string HouseholdId = "home-q";

    /// <summary>Tuesday 24 November 2026, 23:00 UTC: inside the quiet hours 22:00–07:00.</summary>
    private static readonly DateTimeOffset ElevenPm = new(2026, 11, 24, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Publisher_WarningMadeInQuietHours_HeldFromMqttUntilTheirEnd_ThenPublishedAtThatInstant()
    {
        var time = new FakeTimeProvider(ElevenPm);
        // A poll a minute: publishing at 07:00 sharp takes waking for the release itself.
        await using var host = await CloudTestHost.StartAsync(s => s["SmartHome:Cloud:Notifications:PollInterval"] = "00:01:00", time);
        await using var app = await MqttTestClient.ConnectAsync(host.BrokerPort, Topics.Notifications(HouseholdId));
        var sevenAm = ElevenPm.AddHours(8);

        await ChangeAsync(host, twin => twin.Settings.Notifications.QuietHours = new(new(22, 0), new(7, 0)), Expired(HouseholdId, ElevenPm));
        var held = await HealthAsync(host);
        time.SetUtcNow(sevenAm.AddMilliseconds(-1));
        // Urgent news goes out during quiet hours; published in order, the held warning would come first.
        await ChangeAsync(host, _ => { }, Excursion(HouseholdId, time.GetUtcNow()));
        await Eventually.TrueAsync(() => !app.Received.IsEmpty, Wait.Timeout, "the urgent notification on MQTT");
        var first = Type(app.Received.First().Payload);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => app.Received.Count == 2, Wait.Timeout, "the held notification on MQTT at 07:00");

        Assert.Equal((1, 0), (held.GetProperty("heldForQuietHours").GetInt64(), held.GetProperty("pendingPublish").GetInt64()));
        Assert.Equal(NeedEventTypes.TemperatureExcursion, first);
        Assert.Equal(NeedEventTypes.FoodExpired, Type(app.Received.Last().Payload));
        var stored = await host.Service<NotificationStore>().ListAsync(HouseholdId, 10, CancellationToken.None);
        Assert.Equal(2, stored.Count);
        await Eventually.TrueAsync(
            async () => (await HealthAsync(host)).GetProperty("heldForQuietHours").GetInt64() == 0, Wait.Timeout, "nothing held any more");
    }

    [Fact]
    public async Task ChangeAsync_SameNewsWithinTheRepeatWindow_StoredOnce_CountedInHealth_AndAgainAfterIt()
    {
        var time = new FakeTimeProvider(ElevenPm);
        await using var host = await CloudTestHost.StartAsync(time: time);

        await ChangeAsync(host, _ => { }, Excursion(HouseholdId, ElevenPm));
        var again = await ChangeAsync(host, _ => { }, Excursion(HouseholdId, ElevenPm.AddHours(2)), Excursion(HouseholdId, ElevenPm.AddHours(2), "freezer"));
        var afterTheWindow = await ChangeAsync(host, _ => { }, Excursion(HouseholdId, ElevenPm.AddHours(6)));

        Assert.Equal((2, 1, 1), (again.EventsRaised, again.NotificationsQueued, again.NotificationRepeatsSuppressed));
        Assert.Equal(1, afterTheWindow.NotificationsQueued);
        var stored = await host.Service<NotificationStore>().ListAsync(HouseholdId, 10, CancellationToken.None);
        Assert.Equal(
            ["appliances/fridge-1/freezer", "appliances/fridge-1/fridge", "appliances/fridge-1/fridge"],
            stored.Select(n => n.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(1, (await HealthAsync(host)).GetProperty("repeatsSuppressed").GetInt64());
    }

    [Fact]
    public async Task ChangeAsync_TypeOff_StoresTheEventButNoNotification()
    {
        var time = new FakeTimeProvider(ElevenPm);
        await using var host = await CloudTestHost.StartAsync(time: time);

        var result = await ChangeAsync(
            host, twin => twin.Settings.Notifications.Types[NeedEventTypes.TemperatureExcursion] = NotificationMode.Off, Excursion(HouseholdId, ElevenPm));

        Assert.Equal((1, 0), (result.EventsRaised, result.NotificationsQueued));
        Assert.Empty(await host.Service<NotificationStore>().ListAsync(HouseholdId, 10, CancellationToken.None));
    }

    private static Task<HouseholdChangeResult> ChangeAsync(CloudTestHost host, Action<HouseholdTwin> settings, params NeedEvent[] events) =>
        host.Service<HouseholdUpdater>().ChangeAsync(HouseholdId, null, twin =>
        {
            settings(twin);
            return events;
        }, CancellationToken.None);

    private static async Task<JsonElement> HealthAsync(CloudTestHost host) => (await host.HealthAsync()).GetProperty("notifications");

    private static string? Type(string payload) => JsonDocument.Parse(payload).RootElement.GetProperty("type").GetString();
}
