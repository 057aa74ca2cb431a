using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using SmartHome.Gateway.Mqtt;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Mqtt;

public sealed class MqttConnectionSupervisorTests : IAsyncLifetime
{
    private const string ClientId = "supervisor-test";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly EmbeddedMqttBroker _broker = new();
    private readonly CancellationTokenSource _stopping = new();
    private MqttConnectionSupervisor _sut = null!;
    private Task _run = Task.CompletedTask;
    private int _prepared;

    public async Task InitializeAsync()
    {
        await _broker.StartAsync();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _broker.Port).WithClientId(ClientId).Build();
        _sut = new("Test link", options, $"127.0.0.1:{_broker.Port}", UplinkHarness.FastConnectionTimings, TimeProvider.System, NullLogger.Instance);
        _run = _sut.RunAsync(
            (_, _) =>
            {
                Interlocked.Increment(ref _prepared);
                return Task.FromResult<string?>(null);
            },
            work: null,
            _stopping.Token);
        await Eventually.TrueAsync(() => Volatile.Read(ref _prepared) == 1 && _sut.Client.IsConnected, Timeout, "the first connection");
    }

    public async Task DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _run;
        _sut.Dispose();
        _stopping.Dispose();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task OnDisconnected_LateEventOfAnEarlierConnection_DoesNotEndTheLiveOne()
    {
        await _broker.StopAsync();
        await _broker.StartAsync();
        await Eventually.TrueAsync(() => Volatile.Read(ref _prepared) == 2 && _sut.Client.IsConnected, Timeout, "the second connection");

        await _sut.OnDisconnectedAsync(new(true, null, MqttClientDisconnectReason.NormalDisconnection, "late event of the first connection", [], null));
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        Assert.Equal(2, Volatile.Read(ref _prepared));
        Assert.True(_sut.Client.IsConnected);
        Assert.Equal(1, _broker.Disconnections(ClientId)); // the first connection only, ended by the restart
    }

    [Fact]
    public async Task EndConnection_WhileConnected_ClosesItAndConnectsAgain()
    {
        _sut.EndConnection("test");

        await Eventually.TrueAsync(() => Volatile.Read(ref _prepared) == 2 && _sut.Client.IsConnected, Timeout, "the next connection");
        Assert.Equal(1, _broker.Disconnections(ClientId));
    }
}
