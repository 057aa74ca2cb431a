using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartHome.Contracts;
using SmartHome.Contracts.Serialization;
using SmartHome.Gateway.Health;
using SmartHome.Gateway.Outbox;

namespace SmartHome.Gateway.Uplink;

/// <summary>
/// Sends the outbox's pending envelopes to the cloud broker in seq order, QoS 1, with up to
/// <see cref="UplinkTimings.MaxInFlight"/> awaiting their PUBACK at once. The outbox's cursor advances strictly in
/// order and only past envelopes the broker acknowledged as delivered; anything else is sent again, with the same seq.
/// A PUBACK saying "no matching subscribers" is not delivery: the cloud core is not listening (a broker restarted
/// without its sessions, say), so the envelope stays in the outbox until someone will receive it.
/// </summary>
internal sealed class EnvelopePublisher(
    DurableOutbox outbox, GatewayIdentity identity, UplinkTimings timings, TimeProvider time, GatewayMetrics metrics, ILogger<EnvelopePublisher> logger)
{
    private static readonly TimeSpan NoSubscribersWarningInterval = TimeSpan.FromMinutes(1);
    private readonly string _topic = Topics.Telemetry(identity.HouseholdId, identity.GatewayId);
    private DateTimeOffset _lastNoSubscribersWarning = DateTimeOffset.MinValue;

    /// <summary>Publishes until cancelled; throws when the connection fails, leaving every unacknowledged envelope pending.</summary>
    public async Task RunAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        while (true)
        {
            var refused = await PublishUntilRefusedAsync(client, cancellationToken);
            if (refused.Result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers)
            {
                NoSubscribers(refused.Entry);
            }
            else
            {
                metrics.PublishRefused();
                Log.PublishRefused(logger, refused.Entry.Seq, refused.Result.ReasonCode.ToString(), refused.Result.ReasonString, timings.RefusedRetryDelay);
            }

            await Task.Delay(timings.RefusedRetryDelay, time, cancellationToken);
        }
    }

    private static byte[] MarkHistorical(byte[] json)
    {
        var envelope = JsonSerializer.Deserialize(json, ContractsJsonContext.Default.TelemetryEnvelope)
            ?? throw new InvalidDataException("an outbox envelope is JSON null");
        var historical = envelope with { Records = envelope.Records.Select(record => record with { Historical = true }).ToList() };
        return JsonSerializer.SerializeToUtf8Bytes(historical, ContractsJsonContext.Default.TelemetryEnvelope);
    }

    private static void Observe(IEnumerable<InFlight> abandoned)
    {
        foreach (var inFlight in abandoned)
        {
            _ = inFlight.Publish.ContinueWith(
                static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private async Task<Refusal> PublishUntilRefusedAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var inFlight = new Queue<InFlight>();
        var lastSent = outbox.AckedSeq;
        try
        {
            while (true)
            {
                foreach (var entry in outbox.GetPending(lastSent, timings.MaxInFlight - inFlight.Count))
                {
                    inFlight.Enqueue(Send(client, entry, cancellationToken));
                    lastSent = entry.Seq;
                }

                if (inFlight.Count == 0)
                {
                    await outbox.WaitForPendingAsync(lastSent, cancellationToken);
                    continue;
                }

                var head = inFlight.Peek();
                var result = await head.Publish;
                if (result is not null && result.ReasonCode != MqttClientPublishReasonCode.Success)
                {
                    return new(head.Entry, result);
                }

                inFlight.Dequeue();
                outbox.Acknowledge(head.Entry.Seq);
                if (result is not null)
                {
                    metrics.EnvelopePublished(head.Entry.RecordCount, head.Historical);
                }
            }
        }
        finally
        {
            Observe(inFlight);
        }
    }

    private InFlight Send(IMqttClient client, OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (outbox.TryReadEnvelope(entry) is not { } json)
        {
            return new(entry, false, Task.FromResult<MqttClientPublishResult?>(null));
        }

        var historical = time.GetUtcNow() - entry.WrittenAt >= timings.HistoricalAfter;
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(_topic)
            .WithPayload(historical ? MarkHistorical(json) : json)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType(UplinkClientOptions.JsonContentType)
            .Build();
        return new(entry, historical, PublishAsync(client, message, cancellationToken));
    }

    private static async Task<MqttClientPublishResult?> PublishAsync(IMqttClient client, MqttApplicationMessage message, CancellationToken cancellationToken) =>
        await client.PublishAsync(message, cancellationToken);

    private void NoSubscribers(OutboxEntry kept)
    {
        metrics.PublishWithoutSubscribers();
        var now = time.GetUtcNow();
        if (now - _lastNoSubscribersWarning >= NoSubscribersWarningInterval)
        {
            _lastNoSubscribersWarning = now;
            Log.NoSubscribers(logger, kept.Seq, _topic, timings.RefusedRetryDelay);
        }
    }

    private sealed record InFlight(OutboxEntry Entry, bool Historical, Task<MqttClientPublishResult?> Publish);

    private sealed record Refusal(OutboxEntry Entry, MqttClientPublishResult Result);
}
