using System.Buffers;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Health;
using SmartHome.Cloud.Storage;
using SmartHome.Contracts.Validation;

namespace SmartHome.Cloud.Ingest;

/// <summary>A telemetry envelope: validated against its topic, deduplicated by (household, gateway, seq), applied to the twin.</summary>
internal sealed class TelemetryIngest(HouseholdEngine engine, HouseholdUpdater updater, CloudCounters counters, ILogger<TelemetryIngest> logger)
{
    /// <summary>Counted when an envelope reuses a (gateway, seq) already taken in under another message id.</summary>
    public const string Replay = "replay";

    public async Task HandleAsync(string topic, ReadOnlySequence<byte> payload, CancellationToken ct)
    {
        var read = payload.Length > TelemetryEnvelopeValidator.MaxPayloadBytes
            ? new EnvelopeReadResult(null, new Rejection(RejectionCodes.TooLarge, $"envelope of {payload.Length} bytes exceeds {TelemetryEnvelopeValidator.MaxPayloadBytes}"))
            : TelemetryEnvelopeValidator.Read(topic, payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray());
        if (read.Envelope is not { } envelope)
        {
            var rejection = read.Rejection!;
            counters.Reject(rejection.Code);
            Log.Rejected(logger, topic, rejection.Code, rejection.Detail);
            return;
        }

        var key = new EnvelopeKey(envelope.GatewayId, envelope.Seq, envelope.MessageId);
        var result = await updater.ChangeAsync(envelope.HouseholdId, key, twin => engine.Apply(twin, envelope), ct);
        if (result.IsReplay)
        {
            counters.Reject(Replay);
            Log.Rejected(logger, topic, Replay, $"seq {envelope.Seq} was taken in before under another message id than {envelope.MessageId}");
            return;
        }

        if (result.IsDuplicate)
        {
            counters.Reject(RejectionCodes.Duplicate);
            Log.Duplicate(logger, envelope.HouseholdId, envelope.GatewayId, envelope.Seq);
            return;
        }

        counters.EnvelopeAccepted();
        Log.EnvelopeApplied(logger, envelope.HouseholdId, envelope.GatewayId, envelope.Seq, envelope.Records.Count, result.EventsRaised);
    }
}
