using System.Text;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SmartHome.Cloud.Options;
using SmartHome.Contracts;

namespace SmartHome.Cloud.Broker;

/// <summary>
/// The core's one MQTT 5 connection: subscribes to every gateway's telemetry and status, publishes notifications
/// and partner events, and reconnects with capped exponential backoff. Its session is persistent (clean start off),
/// so what the broker queued while the core was away arrives after a reconnect; a message is acknowledged only
/// once it has been stored (the handler retries a failing store until it succeeds or the host stops).
/// </summary>
internal sealed class CoreMqttClient(
    IOptions<BrokerOptions> options,
    BrokerEndpoint endpoint,
    BrokerConnectivity connectivity,
    IBrokerMessageHandler handler,
    TimeProvider time,
    ILogger<CoreMqttClient> logger) : BackgroundService
{
    /// <summary>The plain filters, for brokers without shared subscriptions (such as MQTTnet's server).</summary>
    public const string TelemetryFilter = "shg/v1/+/+/telemetry";
    public const string StatusFilter = "shg/v1/+/+/status";

    private static readonly TimeSpan MinBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly uint SessionExpirySeconds = (uint)TimeSpan.FromHours(1).TotalSeconds;

    private readonly IMqttClient client = new MqttClientFactory().CreateMqttClient();
    private ConnectionAttempt current = new();
    private CancellationToken stopping;

    /// <summary>Publishes with QoS 1; succeeds only when the broker acknowledged (PUBACK) it.</summary>
    /// <param name="topic">Where to publish.</param>
    /// <param name="payload">UTF-8 text, usually JSON.</param>
    /// <param name="contentType">The MQTT 5 content type.</param>
    /// <param name="userProperties">MQTT 5 user properties to send along.</param>
    /// <param name="requireSubscriber">Whether a PUBACK saying nobody subscribed counts as failure (someone must receive it) or success.</param>
    /// <param name="ct">Cancels the wait for the PUBACK.</param>
    public async Task<PublishOutcome> PublishAsync(
        string topic,
        string payload,
        string contentType,
        IReadOnlyList<KeyValuePair<string, string>> userProperties,
        bool requireSubscriber,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(userProperties);
        if (!client.IsConnected)
        {
            return PublishOutcome.Failed("the core is not connected to the MQTT broker");
        }

        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType(contentType)
            .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData);
        foreach (var (name, value) in userProperties)
        {
            builder.WithUserProperty(name, Encoding.UTF8.GetBytes(value).AsMemory());
        }

        try
        {
            var result = await client.PublishAsync(builder.Build(), ct);
            return result.ReasonCode switch
            {
                MqttClientPublishReasonCode.Success => PublishOutcome.Acknowledged,
                MqttClientPublishReasonCode.NoMatchingSubscribers when !requireSubscriber => PublishOutcome.Acknowledged,
                MqttClientPublishReasonCode.NoMatchingSubscribers => PublishOutcome.Failed($"nobody subscribes to {topic}"),
                _ => PublishOutcome.Failed($"the broker refused the message: {result.ReasonCode} {result.ReasonString}"),
            };
        }
        catch (MqttCommunicationException ex)
        {
            return PublishOutcome.Failed($"publishing failed: {ex.Message}");
        }
    }

    public override void Dispose()
    {
        client.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        client.DisconnectedAsync += OnDisconnectedAsync;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                connectivity.MarkConnecting();
                var attempt = new ConnectionAttempt();
                Volatile.Write(ref current, attempt);
                var shared = await ConnectAndSubscribeAsync(attempt, stoppingToken);
                failures = 0;
                connectivity.MarkConnected(shared);
                Log.Connected(logger, endpoint.Host, endpoint.Port, shared);
                await attempt.Lost.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The supervisor of the connection must outlive any failure of one attempt; one that connected but
                // failed later (e.g. a refused subscription) disconnects, or the next ConnectAsync finds it still connected.
                if (client.IsConnected)
                {
                    await client.TryDisconnectAsync(MqttClientDisconnectOptionsReason.UnspecifiedError, "connection setup failed");
                }

                connectivity.MarkDisconnected(ex.Message);
                Log.ConnectFailed(logger, endpoint.Host, endpoint.Port, ex.Message);
            }

            failures++;
            var delay = Backoff(failures);
            Log.Reconnecting(logger, delay);
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await DisconnectAsync();
    }

    private async Task<bool> ConnectAndSubscribeAsync(ConnectionAttempt attempt, CancellationToken ct)
    {
        var settings = options.Value;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(endpoint.Host, endpoint.Port)
            .WithClientId(settings.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(SessionExpirySeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(settings.Username))
        {
            builder.WithCredentials(settings.Username, settings.Password);
        }

        if (settings.UseTls)
        {
            builder.WithTlsOptions(tls => tls.UseTls(true));
        }

        var connect = await client.ConnectAsync(builder.Build(), ct);
        if (connect.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the connection: {connect.ResultCode} {connect.ReasonString}");
        }

        attempt.MarkConnected();

        var shared = settings.UsesSharedSubscription && connect.SharedSubscriptionAvailable;
        if (settings.UsesSharedSubscription && !shared)
        {
            Log.SharedSubscriptionUnavailable(logger);
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(shared ? Topics.TelemetrySharedSubscription : TelemetryFilter, MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(shared ? Topics.StatusSharedSubscription : StatusFilter, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await client.SubscribeAsync(subscribe, ct);
        if (result.Items.FirstOrDefault(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2) is { } refused)
        {
            throw new InvalidOperationException($"the broker refused the subscription {refused.TopicFilter.Topic}: {refused.ResultCode}");
        }

        return shared;
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        args.AutoAcknowledge = false;
        var message = args.ApplicationMessage;
        try
        {
            await handler.HandleAsync(message.Topic, message.Payload, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Not stored: the persistent session keeps it for the broker to deliver again after a restart.
            Log.LeftUnacknowledgedAtShutdown(logger, message.Topic);
            return;
        }

        await args.AcknowledgeAsync(CancellationToken.None);
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        // A failed attempt raises this event too, and an event may arrive late; only the loss of the current
        // attempt's live connection ends it.
        var attempt = Volatile.Read(ref current);
        if (args.ClientWasConnected && attempt.IsConnected && attempt.TryMarkLost())
        {
            var reason = args.Exception?.Message ?? args.ReasonString ?? args.Reason.ToString();
            connectivity.MarkDisconnected(reason);
            Log.Disconnected(logger, reason);
        }

        return Task.CompletedTask;
    }

    private async Task DisconnectAsync()
    {
        client.DisconnectedAsync -= OnDisconnectedAsync;
        if (client.IsConnected)
        {
            await client.TryDisconnectAsync(MqttClientDisconnectOptionsReason.NormalDisconnection, "shutting down");
        }

        connectivity.MarkDisconnected(null);
    }

    private static TimeSpan Backoff(int failures)
    {
        var exponential = MinBackoff * Math.Pow(2, Math.Min(failures - 1, 10));
        var capped = exponential < MaxBackoff ? exponential : MaxBackoff;

        // Jitter spreads the reconnects of many replicas after a broker restart.
        return capped * (0.8 + (0.4 * Random.Shared.NextDouble()));
    }
}

/// <summary>Whether the broker acknowledged a publish, and if not, why.</summary>
internal readonly record struct PublishOutcome(bool IsAcknowledged, string? Error)
{
    public static PublishOutcome Acknowledged { get; } = new(true, null);

    public static PublishOutcome Failed(string error) => new(false, error);
}
