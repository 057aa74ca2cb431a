using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Ingest;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
using static SmartHome.Cloud.UnitTests.Notifications.HouseholdWebhookSteps;

namespace SmartHome.Cloud.UnitTests.Notifications;

/// <summary>Which notifications reach a household's webhook, when, in what order, and how often.</summary>
public class HouseholdWebhookDispatchTests
{
    [Fact]
    public async Task RaisedEvent_ItsNotificationReachesTheWebhookOnce_AndHealthCountsIt()
    {
        await using var rig = await HouseholdWebhookRig.StartJsonAsync();
        var (time, receiver, sut, householder) = (rig.Time, rig.Receiver, rig.Cloud, rig.Householder);

        var expired = new NeedEvent
        {
            Id = Guid.NewGuid().ToString(),
            Type = NeedEventTypes.FoodExpired,
            HouseholdId = HouseholdId,
            Subject = "items/quince-1",
            Time = time.GetUtcNow(),
            Data = JsonSerializer.SerializeToElement(
                new FoodEventData { ItemId = "quince-1", Name = "Quince paste", BestBefore = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddDays(-1)) },
                ContractsJsonContext.Default.FoodEventData),
        };

        await sut.Service<HouseholdUpdater>().ChangeAsync(HouseholdId, null, _ => [expired], CancellationToken.None);
        await RunClockAsync(sut, time, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1));

        var received = Assert.Single(receiver.Received);
        var stored = (await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/notifications"))[0];
        Assert.Equal(stored.GetProperty("id").GetString(), received.Id);
        var webhook = await householder.GetFromJsonAsync<JsonElement>(WebhookPath);
        Assert.Equal("active", webhook.GetProperty("status").GetString());
        Assert.Equal(time.GetUtcNow().AddMinutes(-5), webhook.GetProperty("lastDeliveredAt").GetDateTimeOffset());
        var health = (await sut.HealthAsync()).GetProperty("notifications").GetProperty("webhooks");
        Assert.Equal(1, health.GetProperty("sent").GetInt64());
        Assert.Equal(0, health.GetProperty("failed").GetInt64());
    }

    [Fact]
    public async Task NotificationStoredBeforeTheWebhookWasSetUp_IsNotSent()
    {
        await using var rig = await HouseholdWebhookRig.StartAsync(webhook: null);
        var (time, receiver, sut, householder) = (rig.Time, rig.Receiver, rig.Cloud, rig.Householder);
        var before = Notification(time.GetUtcNow());
        await StoreAsync(sut, before);

        await PutWebhookAsync(householder, new { url = receiver.Url, format = "json" });
        var after = Notification(time.GetUtcNow());
        await StoreAsync(sut, after);
        await SettleAsync(sut);

        Assert.Equal([after.Id.ToString()], receiver.Received.Select(r => r.Id));
        Assert.Null(await SendOfAsync(sut, before.Id));
    }

    [Fact]
    public async Task ReleaseAtInTheFuture_HoldsTheSendUntilTheClockPassesIt()
    {
        await using var rig = await HouseholdWebhookRig.StartJsonAsync();
        var (time, receiver, sut, householder) = (rig.Time, rig.Receiver, rig.Cloud, rig.Householder);
        var held = Notification(time.GetUtcNow());
        await StoreAsync(sut, held, releaseAt: time.GetUtcNow().AddHours(1));

        await RunClockAsync(sut, time, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(1));
        Assert.Empty(receiver.Received);
        Assert.Equal(("pending", 0, (string?)null), await SendOfAsync(sut, held.Id));

        await RunClockAsync(sut, time, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        Assert.Equal([held.Id.ToString()], receiver.Received.Select(r => r.Id));
    }

    [Fact]
    public async Task UrgentNotificationAfterAHeldOne_IsSentFirst_ThenTheHeldOneAtItsRelease()
    {
        await using var rig = await HouseholdWebhookRig.StartJsonAsync();
        var (time, receiver, sut, householder) = (rig.Time, rig.Receiver, rig.Cloud, rig.Householder);
        var digest = Notification(time.GetUtcNow(), Contracts.Notifications.NotificationSeverity.Warning);
        await StoreAsync(sut, digest, releaseAt: time.GetUtcNow().AddHours(7));
        time.Advance(TimeSpan.FromHours(1));
        var urgent = Notification(time.GetUtcNow());

        await StoreAsync(sut, urgent);
        await RunClockAsync(sut, time, TimeSpan.FromHours(7), TimeSpan.FromMinutes(30));

        Assert.Equal([urgent.Id.ToString(), digest.Id.ToString()], receiver.Received.Select(r => r.Id));
    }

    [Fact]
    public async Task FailingEndpoint_RetriesThenSucceeds_AndLaterNotificationsWaitTheirTurn()
    {
        var failures = 2;
        await using var rig = await HouseholdWebhookRig.StartJsonAsync(() => new WebhookAnswer(Interlocked.Decrement(ref failures) >= 0 ? 500 : 204));
        var (time, receiver, sut, householder) = (rig.Time, rig.Receiver, rig.Cloud, rig.Householder);
        var first = Notification(time.GetUtcNow());
        var second = Notification(time.GetUtcNow());
        await StoreAsync(sut, first);
        await StoreAsync(sut, second);

        await SettleAsync(sut);
        var failing = await householder.GetFromJsonAsync<JsonElement>(WebhookPath);
        await RunClockAsync(sut, time, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(5));

        Assert.Equal("failing", failing.GetProperty("status").GetString());
        Assert.Equal("the endpoint answered 500 Internal Server Error", failing.GetProperty("lastError").GetString());
        Assert.Equal(
            [(first.Id.ToString(), 500), (first.Id.ToString(), 500), (first.Id.ToString(), 204), (second.Id.ToString(), 204)],
            receiver.Received.Select(r => (r.Id, r.AnsweredStatus)));
        Assert.Equal(("sent", 3, (string?)null), await SendOfAsync(sut, first.Id));
        Assert.Equal(("sent", 1, (string?)null), await SendOfAsync(sut, second.Id));
        var recovered = await householder.GetFromJsonAsync<JsonElement>(WebhookPath);
        Assert.Equal("active", recovered.GetProperty("status").GetString());
        Assert.False(recovered.TryGetProperty("lastError", out _));
    }

    [Fact]
    public async Task WebhookReplacedWhileItsSendWaitsForARetry_TheNewEndpointGetsItAtOnce()
    {
        await using var rig = await HouseholdWebhookRig.StartJsonAsync(() => new WebhookAnswer(500));
        var (time, broken, sut, householder) = (rig.Time, rig.Receiver, rig.Cloud, rig.Householder);
        await using var fixedEndpoint = await WebhookReceiver.StartAsync(() => new WebhookAnswer(204));
        var notification = Notification(time.GetUtcNow());
        await StoreAsync(sut, notification);
        await SettleAsync(sut);

        // The householder sees "failing" and points the webhook at a working endpoint: what waits is sent to it now,
        // not after the broken endpoint's backoff (up to 40 min, with every later notification queued behind it).
        await PutWebhookAsync(householder, new { url = fixedEndpoint.Url, format = "json" });
        await SettleAsync(sut);

        Assert.Equal([(notification.Id.ToString(), 500)], broken.Received.Select(r => (r.Id, r.AnsweredStatus)));
        Assert.Equal([notification.Id.ToString()], fixedEndpoint.Received.Select(r => r.Id));
        Assert.Equal(("sent", 2, (string?)null), await SendOfAsync(sut, notification.Id));
    }

    [Fact]
    public async Task EndpointFailingForAnHour_GivesUpAfterSixAttempts_AndMarksTheSendFailed()
    {
        await using var rig = await HouseholdWebhookRig.StartJsonAsync(() => new WebhookAnswer(503));
        var (time, receiver, sut, householder) = (rig.Time, rig.Receiver, rig.Cloud, rig.Householder);
        var notification = Notification(time.GetUtcNow());
        await StoreAsync(sut, notification);

        await RunClockAsync(sut, time, TimeSpan.FromHours(3), TimeSpan.FromMinutes(1));

        Assert.Equal(6, receiver.Received.Count);
        Assert.Equal(("failed", 6, "the endpoint answered 503 Service Unavailable"), await SendOfAsync(sut, notification.Id));
        var webhook = await householder.GetFromJsonAsync<JsonElement>(WebhookPath);
        Assert.Equal("failing", webhook.GetProperty("status").GetString());
        var health = (await sut.HealthAsync()).GetProperty("notifications").GetProperty("webhooks");
        Assert.Equal(1, health.GetProperty("failed").GetInt64());
        Assert.Equal(0, health.GetProperty("sent").GetInt64());
    }

    [Fact]
    public async Task NotificationOlderThanMaxAge_IsNotSent()
    {
        await using var rig = await HouseholdWebhookRig.StartJsonAsync();
        var (time, receiver, sut, householder) = (rig.Time, rig.Receiver, rig.Cloud, rig.Householder);
        var old = Notification(time.GetUtcNow().AddHours(-7));
        var fresh = Notification(time.GetUtcNow());

        await StoreAsync(sut, old, createdAt: time.GetUtcNow().AddHours(-7));
        await StoreAsync(sut, fresh);
        await SettleAsync(sut);

        Assert.Equal([fresh.Id.ToString()], receiver.Received.Select(r => r.Id));
        Assert.Equal("stale", (await SendOfAsync(sut, old.Id))?.Status);
        Assert.Equal(1, (await sut.HealthAsync()).GetProperty("notifications").GetProperty("webhooks").GetProperty("stale").GetInt64());
    }

    [Fact]
    public async Task DeletedWebhook_GetsNoMoreSends()
    {
        await using var rig = await HouseholdWebhookRig.StartJsonAsync();
        var (time, receiver, sut, householder) = (rig.Time, rig.Receiver, rig.Cloud, rig.Householder);
        var held = Notification(time.GetUtcNow());
        await StoreAsync(sut, held, releaseAt: time.GetUtcNow().AddMinutes(30));
        await SettleAsync(sut);

        using var deleted = await householder.DeleteAsync(WebhookPath);
        var later = Notification(time.GetUtcNow());
        await StoreAsync(sut, later);
        await RunClockAsync(sut, time, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5));

        Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(receiver.Received);
        Assert.Equal("cancelled", (await SendOfAsync(sut, held.Id))?.Status);
        Assert.Null(await SendOfAsync(sut, later.Id));
        using var gone = await householder.GetAsync(WebhookPath);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task CrashDuringASend_TheNextHostResendsOnlyThatOne()
    {
        var time = NewClock();
        var databasePath = CloudTestHost.NewDatabasePath();
        var hang = false;
        await using var receiver = await WebhookReceiver.StartAsync(() => Volatile.Read(ref hang) ? new WebhookAnswer(200, Hang: true) : new WebhookAnswer(204));
        try
        {
            var sent = Notification(time.GetUtcNow());
            var inFlight = Notification(time.GetUtcNow());
            await using (var first = await StartAsync(time, databasePath: databasePath))
            {
                using var householder = await HouseholderAsync(first);
                await PutWebhookAsync(householder, new { url = receiver.Url, format = "json" });
                await StoreAsync(first, sent);
                await SettleAsync(first);
                Volatile.Write(ref hang, true);
                await StoreAsync(first, inFlight);
                await Testing.Eventually.TrueAsync(() => receiver.Received.Count == 2, Wait.Timeout, "the send in flight");
            }

            Volatile.Write(ref hang, false);
            await using var second = await StartAsync(time, databasePath: databasePath);
            time.Advance(TimeSpan.FromMinutes(2)); // past the crashed host's claim
            await RunClockAsync(second, time, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(30));

            Assert.Equal([sent.Id.ToString(), inFlight.Id.ToString(), inFlight.Id.ToString()], receiver.Received.Select(r => r.Id));
            Assert.Equal(("sent", 1, (string?)null), await SendOfAsync(second, inFlight.Id));
        }
        finally
        {
            CloudTestHost.DeleteDatabase(databasePath);
        }
    }
}
