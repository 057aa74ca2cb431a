using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Ingest;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Notifications;

public sealed class NotificationStreamTests
{
    private const string HouseholdId = "home-s";

    [Fact]
    public async Task Stream_NotificationStoredAfterConnect_ArrivesAtOnceAsANotificationEventWithItsCursor()
    {
        // Polling once a minute: only the wake-up of this process's commit can bring it within the wait.
        await using var sut = await CloudTestHost.StartAsync(s => s["SmartHome:Cloud:Notifications:Stream:PollInterval"] = "00:01:00");
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync(HouseholdId));
        await using var stream = await EventStreamReader.OpenAsync(householder);

        await StoreAsync(sut, HouseholdId, "Ham");

        var received = await NextEventsAsync(stream, 1);
        var stored = Assert.Single((await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/notifications")).EnumerateArray());
        var latest = await sut.Service<NotificationStore>().LatestCursorAsync(HouseholdId, CancellationToken.None);
        var notification = Assert.Single(received);
        Assert.Equal(("notification", latest.ToString(System.Globalization.CultureInfo.InvariantCulture)), (notification.Event, notification.Id));
        var data = JsonDocument.Parse(notification.Data!).RootElement;
        Assert.Equal(stored.GetProperty("id").GetString(), data.GetProperty("id").GetString());
        Assert.Equal("Ham has expired", data.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", stream.Response.Headers.CacheControl?.ToString());
        Assert.Equal(["no"], stream.Response.Headers.GetValues("X-Accel-Buffering"));
    }

    [Fact]
    public async Task Stream_LastEventId_ResendsEveryLaterNotificationFirstAndWithoutItOnlyNewOnes()
    {
        await using var sut = await CloudTestHost.StartAsync();
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync(HouseholdId));
        foreach (var name in new[] { "Ham", "Brie", "Cream" })
        {
            await StoreAsync(sut, HouseholdId, name);
        }

        var first = (await sut.Service<NotificationStore>().ListAfterAsync(HouseholdId, 0, 10, CancellationToken.None))[0].Cursor;
        await using var fresh = await EventStreamReader.OpenAsync(householder);
        await using var resumed = await EventStreamReader.OpenAsync(householder, first.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await StoreAsync(sut, HouseholdId, "Dates");

        Assert.Equal(["Dates has expired"], Titles(await NextEventsAsync(fresh, 1)));
        var replayed = await NextEventsAsync(resumed, 3);
        Assert.Equal(["Brie has expired", "Cream has expired", "Dates has expired"], Titles(replayed));
        Assert.True(replayed.Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).Order().SequenceEqual(replayed.Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task Stream_AnotherHouseholdsNotification_NeverArrives()
    {
        await using var sut = await CloudTestHost.StartAsync();
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync(HouseholdId));
        await using var stream = await EventStreamReader.OpenAsync(householder, "0");

        await StoreAsync(sut, "home-other", "Quince paste");
        await StoreAsync(sut, HouseholdId, "Ham");

        Assert.Equal(["Ham has expired"], Titles(await NextEventsAsync(stream, 1)));
        Assert.DoesNotContain(stream.Lines, l => l.Contains("Quince", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stream_Idle_SendsAKeepAliveCommentOnTheClock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sut = await CloudTestHost.StartAsync(time: time);
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync(HouseholdId));
        await using var stream = await EventStreamReader.OpenAsync(householder);

        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromSeconds(5));
                return stream.Lines.Contains(": keep-alive");
            },
            Wait.Timeout,
            "a keep-alive comment");

        Assert.Empty(stream.Events);
    }

    [Fact]
    public async Task Stream_NotificationStoredWithoutWakingIt_ArrivesAtTheNextPoll()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sut = await CloudTestHost.StartAsync(s => s["SmartHome:Cloud:Notifications:Stream:KeepAlive"] = "00:05:00", time);
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync(HouseholdId));
        await using var stream = await EventStreamReader.OpenAsync(householder, "0");

        // As another replica would: stored, but this process's streams are not woken.
        await sut.Service<HouseholdStore>().ChangeAsync(HouseholdId, null, _ => [Expired(HouseholdId, "Ham")], CancellationToken.None);

        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return stream.Events.Count == 1;
            },
            Wait.Timeout,
            "the notification, found by polling");
        Assert.Equal(["Ham has expired"], Titles(stream.Events));
    }

    [Fact]
    public async Task Stream_HostStops_StopDoesNotWaitForTheOpenStreamWhichEnds()
    {
        var sut = await CloudTestHost.StartAsync(s => s["SmartHome:Cloud:Notifications:Stream:PollInterval"] = "00:01:00");
        try
        {
            using var householder = sut.Client(await sut.CreateHouseholderTokenAsync(HouseholdId));
            await using var stream = await EventStreamReader.OpenAsync(householder);
            Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);

            await sut.App.StopAsync().WaitAsync(Wait.Timeout);

            await Eventually.TrueAsync(() => stream.Ended, Wait.Timeout, "the stream to end");
        }
        finally
        {
            await sut.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stream_MoreThanTheHouseholdMayOpen_Returns429UntilOneCloses()
    {
        await using var sut = await CloudTestHost.StartAsync(s => s["SmartHome:Cloud:Notifications:Stream:MaxPerHousehold"] = "2");
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync(HouseholdId));
        using var otherHousehold = sut.Client(await sut.CreateHouseholderTokenAsync("home-other"));
        var first = await EventStreamReader.OpenAsync(householder);
        await using var second = await EventStreamReader.OpenAsync(householder);

        await using (var third = await EventStreamReader.OpenAsync(householder))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, third.Response.StatusCode);
            Assert.Equal("application/problem+json", third.Response.Content.Headers.ContentType?.MediaType);
        }

        await using (var ofOther = await EventStreamReader.OpenAsync(otherHousehold))
        {
            Assert.Equal(HttpStatusCode.OK, ofOther.Response.StatusCode);
        }

        await first.DisposeAsync();
        await Eventually.TrueAsync(
            async () =>
            {
                await using var again = await EventStreamReader.OpenAsync(householder);
                return again.Response.StatusCode == HttpStatusCode.OK;
            },
            Wait.Timeout,
            "a stream slot given back by the client that left");
    }

    [Fact]
    public async Task Stream_LastEventIdNotACursor_Returns400ProblemNamingIt()
    {
        await using var sut = await CloudTestHost.StartAsync();
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync(HouseholdId));

        await using var stream = await EventStreamReader.OpenAsync(householder, "yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, stream.Response.StatusCode);
        var errors = (await stream.Response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["Last-Event-ID"], errors.EnumerateObject().Select(p => p.Name));
    }

    private static Task<HouseholdChangeResult> StoreAsync(CloudTestHost sut, string householdId, string name) =>
        sut.Service<HouseholdUpdater>().ChangeAsync(householdId, null, _ => [Expired(householdId, name)], CancellationToken.None);

    private static NeedEvent Expired(string householdId, string name) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Type = NeedEventTypes.FoodExpired,
        HouseholdId = householdId,
        Subject = $"items/{name.ToLowerInvariant()}-1",
        Time = DateTimeOffset.UtcNow,
        Data = JsonSerializer.SerializeToElement(
            new FoodEventData { ItemId = $"{name.ToLowerInvariant()}-1", Name = name, BestBefore = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)) },
            ContractsJsonContext.Default.FoodEventData),
    };

    private static async Task<IReadOnlyList<ServerSentEvent>> NextEventsAsync(EventStreamReader stream, int count)
    {
        await Eventually.TrueAsync(() => stream.Events.Count >= count, Wait.Timeout, $"{count} notification events");
        return stream.Events;
    }

    private static IEnumerable<string> Titles(IEnumerable<ServerSentEvent> events) =>
        events.Select(e => JsonDocument.Parse(e.Data!).RootElement.GetProperty("title").GetString()!);
}
