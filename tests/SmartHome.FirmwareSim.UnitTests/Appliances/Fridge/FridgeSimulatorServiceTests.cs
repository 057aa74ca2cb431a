using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MQTTnet.Protocol;
using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.FirmwareSim.Mqtt;
using SmartHome.FirmwareSim.UnitTests.Mqtt;

using SmartHome.Testing;

namespace SmartHome.FirmwareSim.UnitTests.Appliances.Fridge;

public sealed class FridgeSimulatorServiceTests : IAsyncDisposable
{
    private const string ApplianceId = "test-fridge";
    private const string StatusTopic = $"appliance/{ApplianceId}/status";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private ServiceProvider? _services;

    [Fact]
    public async Task ExecuteAsync_LinkUp_PublishesTemperaturesDoorAndInventoryAtQos1()
    {
        await using var broker = await EmbeddedMqttBroker.StartNewAsync();
        await using var gateway = await MessageCollector.SubscribeAsync(broker.Port, "appliance/#", _timeout.Token);
        var sut = CreateService(broker.Port);

        await sut.StartAsync(_timeout.Token);
        await AdvanceUntilAsync(() => Channels(gateway).IsSupersetOf(["status", "temperature", "door", "inventory"]), TimeSpan.FromSeconds(5));

        Assert.All(gateway.Received, m => Assert.StartsWith($"appliance/{ApplianceId}/", m.Topic, StringComparison.Ordinal));
        Assert.All(gateway.Received, m => Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, m.QualityOfService));
        Assert.Contains(gateway.Received, m => m.Topic.EndsWith("/temperature", StringComparison.Ordinal) && m.Payload.Contains("\"sensor\":\"freezer\"", StringComparison.Ordinal));
        Assert.Contains(gateway.Received, m => m.Topic.EndsWith("/inventory", StringComparison.Ordinal) && m.Payload.Contains("\"bestBefore\":\"2026-11-24\"", StringComparison.Ordinal));
        await sut.StopAsync(_timeout.Token);
    }

    [Fact]
    public async Task ExecuteAsync_LinkUp_LeavesOnlineStatusRetainedForLateSubscribers()
    {
        await using var broker = await EmbeddedMqttBroker.StartNewAsync();
        var sut = CreateService(broker.Port);

        await sut.StartAsync(_timeout.Token);
        await WaitUntilAsync(() => Statistics.LinkState == ApplianceLinkState.Connected);
        await using var lateSubscriber = await MessageCollector.SubscribeAsync(broker.Port, "appliance/+/status", _timeout.Token);
        await WaitUntilAsync(() => lateSubscriber.Received.Count > 0);

        var status = Assert.Single(lateSubscriber.Received);
        Assert.Equal(StatusTopic, status.Topic);
        Assert.True(status.Retain);
        Assert.Equal("""{"state":"online","firmware":"1.0.0-sim"}""", status.Payload);
        await sut.StopAsync(_timeout.Token);
    }

    [Fact]
    public async Task StopAsync_Connected_LeavesOfflineStatusRetained()
    {
        await using var broker = await EmbeddedMqttBroker.StartNewAsync();
        var sut = CreateService(broker.Port);
        await sut.StartAsync(_timeout.Token);
        await WaitUntilAsync(() => Statistics.LinkState == ApplianceLinkState.Connected);

        await sut.StopAsync(_timeout.Token);

        Assert.Equal("""{"state":"offline","firmware":"1.0.0-sim"}""", await broker.RetainedPayloadAsync(StatusTopic));
        Assert.Equal(ApplianceLinkState.Disconnected, Statistics.LinkState);
    }

    [Fact]
    public async Task ExecuteAsync_LinkNotUpYet_RetriesAndConnectsOnceItIs()
    {
        var port = FreePort.Next();
        var sut = CreateService(port);
        await sut.StartAsync(_timeout.Token);
        await WaitUntilAsync(() => Statistics.LinkState == ApplianceLinkState.Disconnected);
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(50, _timeout.Token);
        }

        Assert.NotEqual(ApplianceLinkState.Connected, Statistics.LinkState);

        await using var broker = await EmbeddedMqttBroker.StartNewAsync(port);
        await AdvanceUntilAsync(() => Statistics.LinkState == ApplianceLinkState.Connected, TimeSpan.FromSeconds(5));

        Assert.Equal(1, Statistics.Connections);
        Assert.Equal("""{"state":"online","firmware":"1.0.0-sim"}""", await broker.RetainedPayloadAsync(StatusTopic));
        await sut.StopAsync(_timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _timeout.Dispose();
    }

    private SimulatorStatistics Statistics => _services!.GetRequiredService<SimulatorStatistics>();

    private FridgeSimulatorService CreateService(int port)
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_time)
            .AddFridgeSimulator(options =>
            {
                options.Port = port;
                options.ApplianceId = ApplianceId;
                options.Seed = 3;
                options.ReconnectMaxDelay = TimeSpan.FromSeconds(2);
            })
            .BuildServiceProvider();
        return _services.GetServices<IHostedService>().OfType<FridgeSimulatorService>().Single();
    }

    private static HashSet<string> Channels(MessageCollector collector) => [.. collector.Received.Select(m => m.Topic.Split('/')[^1])];

    /// <summary>Moves simulated time on in steps, giving the real network a moment after each, until the condition holds.</summary>
    private async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true in time");
            _time.Advance(step);
            await Task.Delay(10, _timeout.Token);
        }
    }

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true in time");
            await Task.Delay(10, _timeout.Token);
        }
    }
}
