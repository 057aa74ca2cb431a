using SmartHome.Contracts;
using SmartHome.Contracts.Validation;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Uplink;

/// <summary>The uplink's subscription to the household's notifications (contract §3), against a real MQTTnet broker.</summary>
public sealed class NotificationReceiverTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly string Topic = Topics.Notifications(TestData.Identity.HouseholdId);

    [Fact]
    public async Task Receive_SameNotificationTwice_IsPassedOnOnce()
    {
        await using var broker = await EmbeddedMqttBroker.StartNewAsync();
        await using var sut = await StartSubscribedAsync(broker);
        await using var cloud = await MqttTestClient.ConnectAsync(broker.Port);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        await cloud.PublishAsync(Topic, TestData.NotificationJson(first));
        await cloud.PublishAsync(Topic, TestData.NotificationJson(first));
        await cloud.PublishAsync(Topic, TestData.NotificationJson(second));

        // Messages of one publisher arrive in order: once the second is there, the repeat was handled.
        await Eventually.TrueAsync(() => sut.Notifications.Received.Any(n => n.Id == second), Timeout, "the second notification");
        Assert.Equal([first, second], sut.Notifications.Received.Select(n => n.Id));
        var counters = sut.Metrics.Snapshot().Notifications;
        Assert.Equal(2, counters.Accepted);
        Assert.Equal(1, counters.Duplicates);
    }

    [Fact]
    public async Task Receive_BadPayloads_AreDroppedAndCountedByReason_AndLaterOnesStillPass()
    {
        await using var broker = await EmbeddedMqttBroker.StartNewAsync();
        await using var sut = await StartSubscribedAsync(broker);
        await using var cloud = await MqttTestClient.ConnectAsync(broker.Port);
        var good = Guid.NewGuid();

        await cloud.PublishAsync(Topic, "not json");
        await cloud.PublishAsync(Topic, TestData.NotificationJson(Guid.NewGuid(), householdId: "someone-else"));
        await cloud.PublishAsync(Topic, """{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","householdId":"home-1","severity":"urgent"}""");
        await cloud.PublishAsync(Topic, TestData.NotificationJson(Guid.NewGuid()).Replace("The fridge", new string('x', 17 * 1024), StringComparison.Ordinal));
        await cloud.PublishAsync(Topic, TestData.NotificationJson(good));

        await Eventually.TrueAsync(() => sut.Notifications.Received.Any(n => n.Id == good), Timeout, "the good notification");
        Assert.Single(sut.Notifications.Received);
        var rejected = sut.Metrics.Snapshot().Notifications.Rejected;
        Assert.Equal(1, rejected[RejectionCodes.MalformedJson]);
        Assert.Equal(1, rejected[RejectionCodes.TopicMismatch]);
        Assert.Equal(1, rejected[RejectionCodes.InvalidField]);
        Assert.Equal(1, rejected[RejectionCodes.TooLarge]);
    }

    [Fact]
    public async Task BrokerRestartedWithoutSessions_UplinkSubscribesAgain()
    {
        var broker = await EmbeddedMqttBroker.StartNewAsync();
        try
        {
            await using var sut = await StartSubscribedAsync(broker);

            await broker.StopAsync();
            await broker.StartAsync();
            await Eventually.TrueAsync(() => broker.Subscriptions(Topic) == 2, Timeout, "the subscription after the restart");
            await using var cloud = await MqttTestClient.ConnectAsync(broker.Port);
            var id = Guid.NewGuid();
            await cloud.PublishAsync(Topic, TestData.NotificationJson(id));

            await Eventually.TrueAsync(() => sut.Notifications.Received.Any(n => n.Id == id), Timeout, "the notification after the restart");
        }
        finally
        {
            await broker.DisposeAsync();
        }
    }

    [Fact]
    public async Task GatewayAway_NotificationPublishedMeanwhile_ArrivesWhenItConnectsAgain()
    {
        await using var broker = await EmbeddedMqttBroker.StartNewAsync();
        await (await StartSubscribedAsync(broker)).DisposeAsync();
        await using var cloud = await MqttTestClient.ConnectAsync(broker.Port);
        var id = Guid.NewGuid();

        await cloud.PublishAsync(Topic, TestData.NotificationJson(id));
        await using var sut = await UplinkHarness.StartAsync(broker.Port);

        await Eventually.TrueAsync(() => sut.Notifications.Received.Any(n => n.Id == id), Timeout, "the notification kept by the session");
    }

    private static async Task<UplinkHarness> StartSubscribedAsync(EmbeddedMqttBroker broker)
    {
        var before = broker.Subscriptions(Topic);
        var harness = await UplinkHarness.StartAsync(broker.Port);
        await Eventually.TrueAsync(() => broker.Subscriptions(Topic) > before, Timeout, "the uplink to subscribe to the notifications");
        return harness;
    }
}
