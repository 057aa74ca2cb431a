using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SmartHome.FirmwareSim.Fleet;
using SmartHome.FirmwareSim.UnitTests.Mqtt;
using SmartHome.Testing;

namespace SmartHome.FirmwareSim.UnitTests.Fleet;

/// <summary>A small fleet against real Mosquitto brokers, with a subscriber per broker playing the gateway.</summary>
public sealed class ApplianceFleetTests : IDisposable
{
    private const int Households = 5;
    private const int AppliancesPerHousehold = 3;
    private const long Messages = 800;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task RunAsync_OneLink_ReportsExactlyWhatTheSubscriberReceivedPerKind()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var gateway = await MessageCollector.SubscribeAsync(broker.Port, "appliance/+/+", _timeout.Token);
        var link = new LinkAddress("127.0.0.1", broker.Port);

        var report = await RunFleetAsync([link]);

        var sent = Assert.Single(report.SentByLink);
        Assert.Equal(link, sent.Key);
        Assert.Equal(Messages, report.Total - sent.Value["status"]);
        Assert.Equal(2 * Households * AppliancesPerHousehold, sent.Value["status"]);
        Assert.True(sent.Value.Keys.ToHashSet().IsSupersetOf(["temperature", "door", "inventory", "status"]), string.Join(", ", sent.Value.Keys));
        await AssertReceivedAsync(gateway, sent.Value);
        Assert.Equal(ApplianceIds(household => true), AppliancesSeenBy(gateway));
    }

    [Fact]
    public async Task RunAsync_TwoLinks_SpreadsHouseholdsAndEachBrokerReceivedWhatItsLinkReports()
    {
        await using var first = await MosquittoBroker.StartAsync();
        await using var second = await MosquittoBroker.StartAsync();
        await using var firstGateway = await MessageCollector.SubscribeAsync(first.Port, "appliance/+/+", _timeout.Token);
        await using var secondGateway = await MessageCollector.SubscribeAsync(second.Port, "appliance/+/+", _timeout.Token);
        var firstLink = new LinkAddress("127.0.0.1", first.Port);
        var secondLink = new LinkAddress("127.0.0.1", second.Port);

        var report = await RunFleetAsync([firstLink, secondLink]);

        Assert.Equal(Messages + (2 * Households * AppliancesPerHousehold), report.Total);
        await AssertReceivedAsync(firstGateway, report.SentByLink[firstLink]);
        await AssertReceivedAsync(secondGateway, report.SentByLink[secondLink]);
        Assert.Equal(ApplianceIds(household => household % 2 == 1), AppliancesSeenBy(firstGateway));
        Assert.Equal(ApplianceIds(household => household % 2 == 0), AppliancesSeenBy(secondGateway));
    }

    [Fact]
    public async Task RunAsync_ManyAppliancesAtOnce_DeliversEachAppliancesMessagesInSimulatedTimeOrder()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var gateway = await MessageCollector.SubscribeAsync(broker.Port, "appliance/+/+", _timeout.Token);

        var report = await RunFleetAsync([new LinkAddress("127.0.0.1", broker.Port)]);
        await AssertReceivedAsync(gateway, report.SentByLink.Values.Single());

        foreach (var appliance in gateway.Received.Where(m => !m.Topic.EndsWith("/status", StringComparison.Ordinal)).GroupBy(m => ApplianceOf(m.Topic)))
        {
            var times = appliance.Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("at").GetDateTimeOffset()).ToList();
            Assert.Equal(times.Order(), times);
        }
    }

    [Fact]
    public async Task RunAsync_StoppedWithoutALimit_LetsQueuedMessagesOutAndReportsWhatArrived()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var gateway = await MessageCollector.SubscribeAsync(broker.Port, "appliance/+/+", _timeout.Token);
        var plan = new FleetPlan(Households, AppliancesPerHousehold, MessagesPerSecond: 500, [new LinkAddress("127.0.0.1", broker.Port)], Seed: 3, MessageLimit: null);
        var sut = new ApplianceFleet(plan, TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource();

        var running = sut.RunAsync(stop.Token);
        await Eventually.TrueAsync(() => sut.Queued >= 250, Patience, "the fleet to queue 250 messages");
        await stop.CancelAsync();
        var report = await running;

        Assert.True(sut.Queued >= 250, $"queued {sut.Queued}");
        Assert.Equal(sut.Queued, report.Total - report.ByKind["status"]);
        Assert.Equal(2 * Households * AppliancesPerHousehold, report.ByKind["status"]);
        await AssertReceivedAsync(gateway, report.SentByLink.Values.Single());
    }

    [Fact]
    public async Task RunAsync_StoppedWhileTheLinkIsGone_GivesUpOnTheQueueAndReportsOnlyAcknowledgedMessages()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var plan = new FleetPlan(Households, AppliancesPerHousehold, MessagesPerSecond: 500, [new LinkAddress("127.0.0.1", broker.Port)], Seed: 3, MessageLimit: null);
        var sut = new ApplianceFleet(plan, TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource();

        var running = sut.RunAsync(stop.Token);
        await Eventually.TrueAsync(() => sut.Report().Total >= 100, Patience, "the fleet to get 100 messages through");
        await broker.StopAsync();
        await Eventually.TrueAsync(() => sut.Queued - sut.Report().Total > 100, Patience, "messages to pile up while the link is gone");
        await stop.CancelAsync();
        var report = await running.WaitAsync(_timeout.Token);

        Assert.Equal(Households * AppliancesPerHousehold, report.ByKind["status"]);
        Assert.True(report.Total - report.ByKind["status"] < sut.Queued, $"reported {report.Total}, queued {sut.Queued}");
    }

    public void Dispose() => _timeout.Dispose();

    private async Task<FleetReport> RunFleetAsync(IReadOnlyList<LinkAddress> links)
    {
        var plan = new FleetPlan(Households, AppliancesPerHousehold, MessagesPerSecond: 2000, links, Seed: 3, MessageLimit: Messages);
        return await new ApplianceFleet(plan, TimeProvider.System, NullLogger.Instance).RunAsync(_timeout.Token);
    }

    private static async Task AssertReceivedAsync(MessageCollector gateway, IReadOnlyDictionary<string, long> sent)
    {
        var expected = sent.Values.Sum();
        await Eventually.TrueAsync(() => gateway.Received.Count >= expected, Patience, $"{expected} messages at the subscriber");
        var received = gateway.Received.GroupBy(m => m.Topic[(m.Topic.LastIndexOf('/') + 1)..]).ToDictionary(kind => kind.Key, kind => (long)kind.Count());
        Assert.Equal(sent.OrderBy(kind => kind.Key), received.OrderBy(kind => kind.Key));
    }

    private static SortedSet<string> ApplianceIds(Func<int, bool> households) =>
        [.. Enumerable.Range(1, Households).Where(households)
            .SelectMany(household => Enumerable.Range(1, AppliancesPerHousehold).Select(appliance => FleetPlan.ApplianceId(household, appliance)))];

    private static SortedSet<string> AppliancesSeenBy(MessageCollector gateway) => [.. gateway.Received.Select(m => ApplianceOf(m.Topic))];

    private static string ApplianceOf(string topic) => topic.Split('/')[1];
}
