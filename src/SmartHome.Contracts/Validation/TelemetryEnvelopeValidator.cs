using System.Text.Json;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Contracts.Validation;

/// <summary>Reads and checks a telemetry envelope (contract §3) as the cloud receives it.</summary>
public static class TelemetryEnvelopeValidator
{
    public const int MaxPayloadBytes = 1024 * 1024;
    public const int MaxRecords = 5_000;

    public static EnvelopeReadResult Read(string topic, ReadOnlySpan<byte> payload)
    {
        if (!Topics.TryParseGateway(topic, out var householdId, out var gatewayId, out var leaf) || leaf != "telemetry")
        {
            return Reject(RejectionCodes.BadTopic, "topic is not shg/v1/{householdId}/{gatewayId}/telemetry");
        }

        if (payload.Length > MaxPayloadBytes)
        {
            return Reject(RejectionCodes.TooLarge, $"envelope of {payload.Length} bytes exceeds {MaxPayloadBytes}");
        }

        TelemetryEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.TelemetryEnvelope);
        }
        catch (JsonException ex)
        {
            return Reject(RejectionCodes.MalformedJson, ex.Message);
        }

        if (envelope is null)
        {
            return Reject(RejectionCodes.MalformedJson, "payload is JSON null");
        }

        return Validate(envelope, householdId, gatewayId) is { } rejection ? new(null, rejection) : new(envelope, null);
    }

    public static Rejection? Validate(TelemetryEnvelope envelope, string topicHouseholdId, string topicGatewayId)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Schema != TelemetryEnvelope.SchemaV1)
        {
            return new(RejectionCodes.WrongSchema, $"schema '{envelope.Schema}' is not '{TelemetryEnvelope.SchemaV1}'");
        }

        if (envelope.HouseholdId != topicHouseholdId || envelope.GatewayId != topicGatewayId)
        {
            return new(RejectionCodes.TopicMismatch,
                $"envelope names {envelope.HouseholdId}/{envelope.GatewayId} but arrived on {topicHouseholdId}/{topicGatewayId}");
        }

        if (!Identifiers.IsValid(envelope.HouseholdId) || !Identifiers.IsValid(envelope.GatewayId))
        {
            return new(RejectionCodes.InvalidField, "householdId and gatewayId must be identifiers");
        }

        if (envelope.Seq < 0)
        {
            return new(RejectionCodes.InvalidField, $"seq must not be negative, was {envelope.Seq}");
        }

        if (envelope.Records is null || envelope.Records.Count is 0 or > MaxRecords)
        {
            return new(RejectionCodes.InvalidField, $"an envelope carries 1 to {MaxRecords} records");
        }

        for (var i = 0; i < envelope.Records.Count; i++)
        {
            if (RecordValidator.Validate(envelope.Records[i]) is { } rejection)
            {
                return rejection with { Detail = $"records[{i}]: {rejection.Detail}" };
            }
        }

        return null;
    }

    private static EnvelopeReadResult Reject(string code, string detail) => new(null, new Rejection(code, detail));
}

/// <summary>Either an <see cref="Envelope"/> or the <see cref="Rejection"/> that explains why there is none.</summary>
public readonly record struct EnvelopeReadResult(TelemetryEnvelope? Envelope, Rejection? Rejection);
