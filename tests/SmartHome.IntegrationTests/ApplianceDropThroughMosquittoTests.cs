using Microsoft.Extensions.Logging.Abstractions;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.FirmwareSim.Mqtt;
using SmartHome.Testing;
using SimulatedApplianceMessages = SmartHome.FirmwareSim.Appliances.ApplianceMessages;

namespace SmartHome.IntegrationTests;

/// <summary>The firmware simulator's <c>offline</c> fault against a real Mosquitto: the last will on an abrupt drop, <c>online</c> again on coming back.</summary>
public sealed class ApplianceDropThroughMosquittoTests : IAsyncLifetime
{
    private const string ApplianceId = "drop-fridge";
    private const string StatusTopic = $"appliance/{ApplianceId}/status";
    private const string Online = """{"state":"online","firmware":"1.0.0-sim"}""";
    private const string Offline = """{"state":"offline","firmware":"1.0.0-sim"}""";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly SimulatorStatistics _statistics = new();
    private readonly string _brokerLog = Path.Combine(Path.GetTempPath(), $"shg-drop-{Guid.NewGuid():N}.log");
    private MosquittoBroker _broker = null!;
    private ApplianceLinkClient _sut = null!;

    public async Task InitializeAsync()
    {
        // Mosquitto flushes its log file line by line (its stdout is buffered when piped).
        _broker = await MosquittoBroker.StartAsync($"log_dest file {_brokerLog}");
        var now = TimeProvider.System.GetUtcNow();
        _sut = new ApplianceLinkClient(
            new ApplianceLinkSettings("127.0.0.1", _broker.Port, ApplianceId, TimeSpan.FromSeconds(2)),
            SimulatedApplianceMessages.Status(ApplianceId, OnlineState.Online, "1.0.0-sim", now),
            SimulatedApplianceMessages.Status(ApplianceId, OnlineState.Offline, "1.0.0-sim", now),
            TimeProvider.System,
            _statistics,
            NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        _sut.Dispose();
        await _broker.DisposeAsync();
        File.Delete(_brokerLog);
        _timeout.Dispose();
    }

    [Fact]
    public async Task Drop_Connected_BrokerPublishesRetainedOfflineWillAndAppliancesComeBackOnline()
    {
        await _sut.ConnectAsync(_timeout.Token);
        await using var gateway = await MqttTestClient.ConnectAsync(_broker.Port, StatusTopic);
        await WaitForLastStatusAsync(gateway, Online);

        _sut.Drop();

        await WaitForLastStatusAsync(gateway, Offline);
        Assert.Equal(ApplianceLinkState.Disconnected, _statistics.LinkState);
        // The appliance itself published only its online status: the offline one is the broker's, from the will.
        Assert.Equal(1, _statistics.PublishedByChannel[ApplianceChannels.Status]);
        // Mosquitto logs "closed its connection" when the socket closes without a DISCONNECT, "disconnected" after one.
        var brokerLog = await File.ReadAllTextAsync(_brokerLog);
        Assert.Contains($"Client {ApplianceId} closed its connection.", brokerLog, StringComparison.Ordinal);
        Assert.DoesNotContain($"Client {ApplianceId} disconnected.", brokerLog, StringComparison.Ordinal);
        await using (var lateSubscriber = await MqttTestClient.ConnectAsync(_broker.Port, StatusTopic))
        {
            await WaitForLastStatusAsync(lateSubscriber, Offline);
        }

        await _sut.ConnectAsync(_timeout.Token);

        await WaitForLastStatusAsync(gateway, Online);
        Assert.Equal(2, _statistics.Connections);
        await using var laterSubscriber = await MqttTestClient.ConnectAsync(_broker.Port, StatusTopic);
        await WaitForLastStatusAsync(laterSubscriber, Online);
    }

    private static Task WaitForLastStatusAsync(MqttTestClient subscriber, string payload) =>
        Eventually.TrueAsync(
            () => subscriber.Received.LastOrDefault() is { Topic: StatusTopic } last && last.Payload == payload,
            Patience,
            $"{StatusTopic} to read {payload}");
}
