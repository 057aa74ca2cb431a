using System.Text.Json;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;

namespace SmartHome.Gateway.Outbox;

/// <summary>
/// Turns one batch of records into envelopes with consecutive seqs, their message ids and sentAt fixed now, so that a
/// resend after a crash carries the same identity. A batch whose JSON would exceed what the cloud accepts is split.
/// <c>clockSynced</c> says whether the clock was synchronised now, when sentAt is stamped.
/// </summary>
internal static class EnvelopeSealer
{
    public static List<SealedEnvelope> Seal(IReadOnlyList<TelemetryRecord> records, GatewayIdentity identity, long firstSeq, DateTimeOffset now, bool clockSynced)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(identity);
        var sealedEnvelopes = new List<SealedEnvelope>(1);
        var nextSeq = firstSeq;
        SealRange(records, 0, records.Count);
        return sealedEnvelopes;

        void SealRange(IReadOnlyList<TelemetryRecord> all, int start, int count)
        {
            var envelope = new TelemetryEnvelope
            {
                Schema = TelemetryEnvelope.SchemaV1,
                MessageId = Guid.CreateVersion7(now),
                HouseholdId = identity.HouseholdId,
                GatewayId = identity.GatewayId,
                BootId = identity.BootId,
                Seq = nextSeq,
                SentAt = now,
                ClockSynced = clockSynced,
                Records = start == 0 && count == all.Count ? all : all.Skip(start).Take(count).ToList(),
            };
            var json = JsonSerializer.SerializeToUtf8Bytes(envelope, ContractsJsonContext.Default.TelemetryEnvelope);
            if (json.Length > TelemetryEnvelopeValidator.MaxPayloadBytes && count > 1)
            {
                var half = count / 2;
                SealRange(all, start, half);
                SealRange(all, start + half, count - half);
                return;
            }

            sealedEnvelopes.Add(new(nextSeq++, count, json));
        }
    }
}

internal sealed record SealedEnvelope(long Seq, int RecordCount, byte[] Json);
