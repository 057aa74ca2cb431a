using System.Text.Json;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using SmartHome.Contracts;
using SmartHome.Contracts.Serialization;
using SmartHome.Gateway.Clock;
using SmartHome.Gateway.Health;
using SmartHome.Gateway.Options;
using SmartHome.Gateway.Outbox;

namespace SmartHome.Gateway.Uplink;

/// <summary>
/// Sends the outbox's pending envelopes to the cloud broker, QoS 1, with up to <see cref="UplinkTimings.MaxInFlight"/>
/// awaiting their PUBACK at once, on two lanes. On each connection, the envelopes written more than
/// <see cref="UplinkTimings.HistoricalAfter"/> ago are the backlog: it is replayed in seq order, paced to
/// <see cref="UplinkOptions.ReplayRate"/> envelopes per second, with <c>historical: true</c> records. Everything written
/// since goes out at once on the live lane, so fresh records overtake a long replay. Each envelope is acknowledged in
/// the outbox only once the broker acknowledged it as delivered, in whatever order that happens; anything else is sent
/// again, with the same seq.
/// An envelope of this boot that carries times stamped before the clock was synchronised is corrected just before it
/// is sent, once the clock is (see <see cref="EnvelopeRestamp"/>).
/// A PUBACK saying "no matching subscribers" is not delivery: the cloud core is not listening (a broker restarted
/// without its sessions, say), so the envelope stays in the outbox until someone will receive it.
/// </summary>
internal sealed class EnvelopePublisher(
    DurableOutbox outbox,
    GatewayIdentity identity,
    GatewayClock clock,
    IOptions<GatewayOptions> options,
    UplinkTimings timings,
    TimeProvider time,
    GatewayMetrics metrics,
    ILogger<EnvelopePublisher> logger)
{
    private static readonly TimeSpan NoSubscribersWarningInterval = TimeSpan.FromMinutes(1);
    private readonly string _topic = Topics.Telemetry(identity.HouseholdId, identity.GatewayId);
    private readonly ReplayPacer _replayPacer = new(options.Value.Uplink.ReplayRate, time);
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

    /// <summary>The envelope as it goes out: records marked historical when sent late, times corrected when they can be.</summary>
    private byte[] Prepare(byte[] json, bool historical)
    {
        // The outbox holds JSON of our own serializer, so an unsynchronised stamp shows as exactly this text.
        var correction = json.AsSpan().IndexOf("\"clockSynced\":false"u8) >= 0 ? clock.Correction : null;
        if (!historical && correction is null)
        {
            return json;
        }

        var envelope = JsonSerializer.Deserialize(json, ContractsJsonContext.Default.TelemetryEnvelope)
            ?? throw new InvalidDataException("an outbox envelope is JSON null");
        if (correction is { } shift)
        {
            envelope = EnvelopeRestamp.Apply(envelope, identity.BootId, shift);
        }

        if (historical)
        {
            envelope = envelope with { Records = envelope.Records.Select(record => record with { Historical = true }).ToList() };
        }

        return JsonSerializer.SerializeToUtf8Bytes(envelope, ContractsJsonContext.Default.TelemetryEnvelope);
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
        var inFlight = new List<InFlight>(timings.MaxInFlight);
        var backlogEnd = outbox.LastSeqWrittenBy(time.GetUtcNow() - timings.HistoricalAfter);
        var lastReplayed = outbox.AckedSeq;
        var lastLive = backlogEnd;
        try
        {
            while (true)
            {
                foreach (var entry in outbox.GetPending(lastLive, timings.MaxInFlight - inFlight.Count))
                {
                    inFlight.Add(Send(client, entry, cancellationToken));
                    lastLive = entry.Seq;
                }

                while (lastReplayed < backlogEnd && inFlight.Count < timings.MaxInFlight)
                {
                    if (outbox.GetPending(lastReplayed, 1) is not [var next] || next.Seq > backlogEnd)
                    {
                        lastReplayed = backlogEnd;
                    }
                    else if (_replayPacer.TryTake())
                    {
                        inFlight.Add(Send(client, next, cancellationToken));
                        lastReplayed = next.Seq;
                    }
                    else
                    {
                        break;
                    }
                }

                await WaitForWorkAsync(inFlight, lastLive, lastReplayed < backlogEnd, cancellationToken);
                if (await CompleteAsync(inFlight) is { } refusal)
                {
                    return refusal;
                }
            }
        }
        finally
        {
            Observe(inFlight);
        }
    }

    /// <summary>Waits until a publish completes, a live envelope is written, or the replay may send its next one.</summary>
    private async Task WaitForWorkAsync(List<InFlight> inFlight, long lastLive, bool replaying, CancellationToken cancellationToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waits = inFlight.ConvertAll(sent => (Task)sent.Publish);
        if (inFlight.Count < timings.MaxInFlight)
        {
            waits.Add(outbox.WaitForPendingAsync(lastLive, wake.Token));
            if (replaying)
            {
                waits.Add(Task.Delay(_replayPacer.UntilNext(), time, wake.Token));
            }
        }

        await Task.WhenAny(waits);
        await wake.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Acknowledges the completed publishes in the outbox; the first refusal ends the connection's run.</summary>
    private async Task<Refusal?> CompleteAsync(List<InFlight> inFlight)
    {
        for (var i = 0; i < inFlight.Count;)
        {
            var sent = inFlight[i];
            if (!sent.Publish.IsCompleted)
            {
                i++;
                continue;
            }

            inFlight.RemoveAt(i);
            var result = await sent.Publish;
            if (result is not null && result.ReasonCode != MqttClientPublishReasonCode.Success)
            {
                return new(sent.Entry, result);
            }

            outbox.Acknowledge(sent.Entry.Seq);
            if (result is not null)
            {
                metrics.EnvelopePublished(sent.Entry.RecordCount, sent.Historical);
            }
        }

        return null;
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
            .WithPayload(Prepare(json, historical))
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
