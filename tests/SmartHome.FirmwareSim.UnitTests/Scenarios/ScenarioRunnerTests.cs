using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SmartHome.FirmwareSim.Fleet;
using SmartHome.FirmwareSim.Scenarios;
using SmartHome.FirmwareSim.UnitTests.Mqtt;
using SmartHome.Testing;

namespace SmartHome.FirmwareSim.UnitTests.Scenarios;

/// <summary>Scenarios played over a real Mosquitto, with a subscriber playing the gateway.</summary>
public sealed class ScenarioRunnerTests : IDisposable
{
    private const string StatusTopic = "appliance/scenario-fridge/status";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task RunAsync_MaxSpeed_ReportsExactlyWhatTheSubscriberReceived()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var gateway = await MessageCollector.SubscribeAsync(broker.Port, "appliance/#", _timeout.Token);
        var engine = new ScenarioEngine(TestScenarios.Quiet("6h"), 11, TestScenarios.Start);
        using var sut = new ScenarioRunner(engine, new LinkAddress("127.0.0.1", broker.Port), ScenarioSpeed.Max, TimeProvider.System, NullLogger.Instance);

        var report = await sut.RunAsync(_timeout.Token);

        Assert.True(report.Completed);
        Assert.Equal("quiet", report.Scenario);
        Assert.Equal(engine.Play().Steps.Count() + 2, report.Total);
        Assert.Equal(TimeSpan.FromHours(6), report.SimulatedSpan);
        Assert.Equal(0, report.LinkDrops);
        Assert.Equal(2, report.SentByChannel["status"]);
        Assert.True(report.SentByChannel["temperature"] >= 2 * 6 * 60, $"temperature {report.SentByChannel["temperature"]}");
        await Eventually.TrueAsync(() => gateway.Received.Count >= report.Total, Patience, $"{report.Total} messages at the subscriber");
        Assert.Equal(report.SentByChannel.OrderBy(c => c.Key), CountBy(gateway.Received, m => m.Topic[(m.Topic.LastIndexOf('/') + 1)..]));
        var inventory = gateway.Received.Where(m => m.Topic.EndsWith("/inventory", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(report.InventoryOps);
        Assert.Equal(report.InventoryOps.OrderBy(c => c.Key), CountBy(inventory, m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("op").GetString()!));
        Assert.Equal(1, sut.Progress().Done);
    }

    [Fact]
    public async Task RunAsync_MaxSpeed_SendsTheSimulatedTimeInOrderWithinTheScenario()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var gateway = await MessageCollector.SubscribeAsync(broker.Port, "appliance/#", _timeout.Token);
        var engine = new ScenarioEngine(TestScenarios.Quiet(), 11, TestScenarios.Start);
        using var sut = new ScenarioRunner(engine, new LinkAddress("127.0.0.1", broker.Port), ScenarioSpeed.Max, TimeProvider.System, NullLogger.Instance);

        var report = await sut.RunAsync(_timeout.Token);

        await Eventually.TrueAsync(() => gateway.Received.Count >= report.Total, Patience, $"{report.Total} messages at the subscriber");
        var times = gateway.Received.Where(m => m.Topic != StatusTopic)
            .Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(TestScenarios.Start, times[0]);
        Assert.True(times[^1] <= engine.End, $"last at {times[^1]:O}");
        Assert.Equal(["online", "offline"], gateway.Received.Where(m => m.Topic == StatusTopic).Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task RunAsync_StoppedMidway_ReportsOfflineRetainedAndWhatWentOut()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var gateway = await MessageCollector.SubscribeAsync(broker.Port, "appliance/#", _timeout.Token);
        var engine = new ScenarioEngine(TestScenarios.Quiet("1d"), 11, TestScenarios.Start);
        using var sut = new ScenarioRunner(engine, new LinkAddress("127.0.0.1", broker.Port), ScenarioSpeed.Of(3600), TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource();

        var running = sut.RunAsync(stop.Token);
        await Eventually.TrueAsync(() => sut.Progress().Sent >= 20, Patience, "20 messages out");
        await stop.CancelAsync();
        var report = await running.WaitAsync(_timeout.Token);

        Assert.False(report.Completed);
        Assert.True(report.SimulatedSpan < TimeSpan.FromDays(1), $"played {report.SimulatedSpan}");
        await Eventually.TrueAsync(() => gateway.Received.Count >= report.Total, Patience, $"{report.Total} messages at the subscriber");
        Assert.Equal(report.Total, gateway.Received.Count);
        await using var late = await MessageCollector.SubscribeAsync(broker.Port, StatusTopic, _timeout.Token);
        await Eventually.TrueAsync(() => late.Received.Count > 0, Patience, "the retained status");
        Assert.Equal("""{"state":"offline","firmware":"1.0.0-sim"}""", Assert.Single(late.Received).Payload);
    }

    [Fact]
    public async Task RunAsync_LongOutage_KeepsTheNewestMessagesUpToTheBoundAndCountsTheRestAsGivenUp()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var gateway = await MessageCollector.SubscribeAsync(broker.Port, "appliance/#", _timeout.Token);
        var scenario = TestScenarios.Parse("""
            { "name": "long-outage", "description": "Off the link for three hours.", "seed": 3, "duration": "4h", "applianceId": "scenario-fridge",
              "fridge": { "temperatureInterval": "1s" }, "timeline": [{ "at": "30m", "event": "offline", "for": "3h" }] }
            """);
        var engine = new ScenarioEngine(scenario, scenario.Seed, TestScenarios.Start);
        var from = TestScenarios.Start + TimeSpan.FromMinutes(30);
        var inOutage = engine.Play().Steps.OfType<MessageStep>().Count(s => s.At >= from && s.At < from + TimeSpan.FromHours(3));
        using var sut = new ScenarioRunner(engine, new LinkAddress("127.0.0.1", broker.Port), ScenarioSpeed.Max, TimeProvider.System, NullLogger.Instance);

        var report = await sut.RunAsync(_timeout.Token);

        Assert.Equal(inOutage - 10_000, report.Dropped);
        Assert.Equal(1, report.LinkDrops);
        Assert.Equal(1, report.FaultsInjected["offline"]);
        Assert.Equal(engine.Play().Steps.Count(s => s is MessageStep) - report.Dropped + 3, report.Total);
        await Eventually.TrueAsync(() => gateway.Received.Count >= report.Total + 1, Patience, $"{report.Total + 1} messages at the subscriber");
        var received = gateway.Received.Where(m => m.Topic != StatusTopic).Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("at").GetDateTimeOffset()).ToList();
        var keptFrom = received.Where(at => at >= from && at < from + TimeSpan.FromHours(3)).Min();
        Assert.True(keptFrom > from + TimeSpan.FromMinutes(30), $"the oldest kept message is from {keptFrom:O}");
    }

    [Fact]
    public async Task RunAsync_StoppedDuringAnOutage_CountsWhatWasKeptAsGivenUp()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var scenario = TestScenarios.Parse("""
            { "name": "stopped-outage", "description": "Stopped while off the link.", "seed": 3, "duration": "6h", "applianceId": "scenario-fridge",
              "fridge": { "temperatureInterval": "10s" }, "timeline": [{ "at": "10m", "event": "offline", "for": "5h" }] }
            """);
        var engine = new ScenarioEngine(scenario, scenario.Seed, TestScenarios.Start);
        using var sut = new ScenarioRunner(engine, new LinkAddress("127.0.0.1", broker.Port), ScenarioSpeed.Of(3600), TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource();

        var running = sut.RunAsync(stop.Token);
        await Eventually.TrueAsync(() => sut.Progress().SimulatedNow >= TestScenarios.Start + TimeSpan.FromMinutes(40), Patience, "half an hour into the outage");
        await stop.CancelAsync();
        var report = await running.WaitAsync(_timeout.Token);

        var played = report.Total - 1 + report.Dropped;
        var reached = TestScenarios.Start + report.SimulatedSpan;
        var messages = engine.Play().Steps.OfType<MessageStep>().ToList();
        Assert.True(report.Dropped >= 30 * 6, $"given up {report.Dropped}");
        Assert.Equal(1, report.LinkDrops);
        Assert.InRange(played, messages.Count(m => m.At < reached), messages.Count(m => m.At <= reached));
    }

    public void Dispose() => _timeout.Dispose();

    private static IOrderedEnumerable<KeyValuePair<string, long>> CountBy(IEnumerable<ReceivedMessage> messages, Func<ReceivedMessage, string> key) =>
        messages.GroupBy(key).Select(g => KeyValuePair.Create(g.Key, (long)g.Count())).OrderBy(c => c.Key);
}
