using System.Text;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SmartHome.FirmwareSim.Appliances;

namespace SmartHome.FirmwareSim.Mqtt;

/// <summary>
/// One appliance's MQTT session with a gateway's appliance link: it connects with its retained <c>offline</c> status
/// as the last will, reports <c>online</c> on every connection, waits out a missing link with exponential backoff,
/// and publishes at QoS 1, retrying until the broker has acknowledged. It can also drop off the link abruptly, as
/// an appliance losing power or Wi-Fi does, and come back.
/// </summary>
internal sealed class ApplianceLinkClient : IDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);

    private readonly ApplianceLinkSettings _settings;
    private readonly SimulatedMessage _online;
    private readonly SimulatedMessage _offline;
    private readonly TimeProvider _timeProvider;
    private readonly SimulatorStatistics _statistics;
    private readonly ILogger _logger;
    private readonly MqttClientOptions _clientOptions;
    private IMqttClient _client;
    private volatile bool _closing;

    public ApplianceLinkClient(
        ApplianceLinkSettings settings,
        SimulatedMessage online,
        SimulatedMessage offline,
        TimeProvider timeProvider,
        SimulatorStatistics statistics,
        ILogger logger)
    {
        _settings = settings;
        _online = online;
        _offline = offline;
        _timeProvider = timeProvider;
        _statistics = statistics;
        _logger = logger;
        _client = CreateClient();

        // MQTT 3.1.1, because that is what most appliance firmware stacks speak; the gateway must handle it.
        _clientOptions = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithClientId(settings.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession()
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithWillTopic(offline.Topic)
            .WithWillPayload(Encoding.UTF8.GetBytes(offline.Payload))
            .WithWillRetain(offline.Retain)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
    }

    /// <summary>Publishes once the link is up and the broker has acknowledged; waits through outages.</summary>
    public async Task PublishAsync(SimulatedMessage message, CancellationToken cancellationToken)
    {
        while (true)
        {
            await ConnectAsync(cancellationToken);
            try
            {
                await SendAsync(message, cancellationToken);
                _statistics.RecordPublished(message.Channel);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Log.PublishFailed(_logger, message.Topic, ex.Message);
                if (!_client.IsConnected)
                {
                    _statistics.SetLinkState(ApplianceLinkState.Disconnected);
                }

                await Task.Delay(FirstRetryDelay, _timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>Returns once connected and reported online, trying again with growing pauses while the link is down.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var retryDelay = FirstRetryDelay;
        while (_statistics.LinkState != ApplianceLinkState.Connected)
        {
            _statistics.SetLinkState(ApplianceLinkState.Trying);
            try
            {
                if (!_client.IsConnected)
                {
                    await _client.ConnectAsync(_clientOptions, cancellationToken);
                }

                await SendAsync(_online, cancellationToken);
                _statistics.RecordPublished(_online.Channel);
                _statistics.RecordConnected();
                _statistics.SetLinkState(ApplianceLinkState.Connected);
                Log.Connected(_logger, _settings.Host, _settings.Port, _settings.ClientId);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _statistics.SetLinkState(ApplianceLinkState.Disconnected);
                Log.ConnectFailed(_logger, _settings.Host, _settings.Port, ex.Message, retryDelay.TotalSeconds);
                await Task.Delay(retryDelay, _timeProvider, cancellationToken);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, _settings.ReconnectMaxDelay.Ticks));
            }
        }
    }

    /// <summary>Reports the appliance offline and leaves cleanly (a clean leave does not fire the last will).</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        _closing = true;
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            await SendAsync(_offline, cancellationToken);
            _statistics.RecordPublished(_offline.Channel);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken);
            Log.Closed(_logger, _offline.Topic);
        }
        catch (Exception ex)
        {
            Log.CloseFailed(_logger, _offline.Topic, ex.Message);
        }
        finally
        {
            _statistics.SetLinkState(ApplianceLinkState.Disconnected);
        }
    }

    /// <summary>
    /// Drops off the link without a goodbye: the connection closes without an MQTT DISCONNECT, so the broker
    /// publishes the retained <c>offline</c> last will. (MQTT 3.1.1 has no DISCONNECT that keeps the will, and
    /// MQTTnet's client closes its socket without one only when disposed, so this disposes the session and starts a
    /// fresh client.) <see cref="ConnectAsync"/> comes back. Not to be called while a publish is under way.
    /// </summary>
    public void Drop()
    {
        var dropped = _client;
        _client = CreateClient();
        dropped.DisconnectedAsync -= OnDisconnectedAsync;
        dropped.Dispose();
        _statistics.SetLinkState(ApplianceLinkState.Disconnected);
        Log.Dropped(_logger, _settings.Host, _settings.Port, _settings.ClientId);
    }

    public void Dispose() => _client.Dispose();

    private IMqttClient CreateClient()
    {
        var client = new MqttClientFactory().CreateMqttClient();
        client.DisconnectedAsync += OnDisconnectedAsync;
        return client;
    }

    private async Task SendAsync(SimulatedMessage message, CancellationToken cancellationToken)
    {
        var mqttMessage = new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayload(Encoding.UTF8.GetBytes(message.Payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(message.Retain)
            .Build();
        var result = await _client.PublishAsync(mqttMessage, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new MqttCommunicationException($"the broker refused the message: {result.ReasonCode} {result.ReasonString}");
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        if (args.ClientWasConnected && !_closing)
        {
            _statistics.SetLinkState(ApplianceLinkState.Disconnected);
            Log.ConnectionLost(_logger, _settings.Host, _settings.Port, args.Exception?.Message ?? args.Reason.ToString());
        }

        return Task.CompletedTask;
    }
}
