using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts;
using SmartHome.Contracts.Events;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Ingest;

public sealed class NotificationTests : IAsyncLifetime
{
    private CloudTestHost sut = null!;

    public async Task InitializeAsync() => sut = await CloudTestHost.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Fact]
    public async Task ExpiredItem_YieldsNotificationReadableViaApiAndPublishedOnMqtt()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-n"));
        await using var app = await MqttTestClient.ConnectAsync(sut.BrokerPort, Topics.Notifications("home-n"));
        var lastWeek = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-7));
        // On the real clock: no quiet hours, so the expired food's warning is published whatever the time of day.
        using (var settings = await householder.PutAsJsonAsync("/api/v1/household/settings", new { notifications = new { quietHours = (object?)null } }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, settings.StatusCode);
        }

        await sut.PublishAsync(TestEnvelopes.Envelope("home-n", 1, TestEnvelopes.Added("yoghurt-1", "Yoghurt", bestBefore: lastWeek)));

        var notifications = await Wait.ForJsonAsync(
            async () => await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/notifications") is { } list && list.GetArrayLength() > 0 ? (JsonElement?)list : null,
            "a notification");
        var notification = notifications[0];
        Assert.Equal(NeedEventTypes.FoodExpired, notification.GetProperty("type").GetString());
        Assert.Equal("home-n", notification.GetProperty("householdId").GetString());
        await Eventually.TrueAsync(() => !app.Received.IsEmpty, Wait.Timeout, "the notification on MQTT");
        var (topic, payload) = Assert.Single(app.Received);
        Assert.Equal(Topics.Notifications("home-n"), topic);
        Assert.Equal(notification.GetProperty("id").GetString(), JsonDocument.Parse(payload).RootElement.GetProperty("id").GetString());
        await Eventually.TrueAsync(
            async () => (await sut.HealthAsync()).GetProperty("notifications").GetProperty("pendingPublish").GetInt64() == 0,
            Wait.Timeout,
            "the notification marked published");
    }
}
