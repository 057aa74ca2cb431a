using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.UnitTests.Storage;

public sealed class ExpiringDigestStoreTests
{
    [Fact]
    public async Task ChangeAsync_ExpiringItem_IsNotifiedOnlyInTheDigestAtEightOnce()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var time = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(7, 30)), TimeSpan.Zero));
        await using var host = await CloudTestHost.StartAsync(time: time);
        var sut = host.Service<HouseholdStore>();
        var engine = host.Service<HouseholdEngine>();
        var notifications = host.Service<NotificationStore>();

        var added = await sut.ChangeAsync("home-d", null, twin => engine.Apply(twin, TestEnvelopes.Envelope(
            "home-d", 1, TestEnvelopes.Added("milk-1", "Milk", bestBefore: today.AddDays(1), at: time.GetUtcNow()))), CancellationToken.None);
        var beforeEight = await notifications.ListAsync("home-d", 10, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(30));
        var atEight = await sut.ChangeAsync("home-d", null, twin => engine.Evaluate(twin, time.GetUtcNow()), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(10));
        var later = await sut.ChangeAsync("home-d", null, twin => engine.Evaluate(twin, time.GetUtcNow()), CancellationToken.None);

        Assert.Equal((1, 0), (added.EventsRaised, added.NotificationsQueued));
        Assert.Empty(beforeEight);
        Assert.Equal(1, atEight.NotificationsQueued);
        Assert.Equal(0, later.NotificationsQueued);
        var digest = Assert.Single(await notifications.ListAsync("home-d", 10, CancellationToken.None));
        Assert.Equal((NeedEventTypes.FoodExpiring, "1 item expiring", "Milk (tomorrow)."), (digest.Type, digest.Title, digest.Body));
    }
}
