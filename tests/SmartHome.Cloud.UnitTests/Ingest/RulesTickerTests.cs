using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.UnitTests.Ingest;

public class RulesTickerTests
{
    [Fact]
    public async Task DoorStillOpenAtALaterTick_RaisesDoorLeftOpen()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sut = await CloudTestHost.StartAsync(s => s["SmartHome:Cloud:Rules:Interval"] = "00:00:30", time);
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-r"));
        await sut.PublishAsync(TestEnvelopes.Envelope("home-r", 1, TestEnvelopes.Door(DoorState.Open, time.GetUtcNow())));
        await Wait.ForJsonAsync(
            async () => await householder.GetFromJsonAsync<JsonElement>("/api/v1/household") is { } twin && twin.GetProperty("appliances").GetArrayLength() > 0 ? twin : null,
            "the open door in the twin");

        for (var tick = 0; tick < 12; tick++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
        }

        var notification = await Wait.ForJsonAsync(
            async () => await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/notifications") is { } list && list.GetArrayLength() > 0 ? list[0] : null,
            "the door-left-open notification");
        Assert.Equal(NeedEventTypes.DoorLeftOpen, notification.GetProperty("type").GetString());
    }
}
