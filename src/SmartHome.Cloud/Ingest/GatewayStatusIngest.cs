using System.Buffers;
using System.Text.Json;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Health;
using SmartHome.Contracts;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;

namespace SmartHome.Cloud.Ingest;

/// <summary>A gateway's retained status (online, or offline as its last will), applied to the twin.</summary>
internal sealed class GatewayStatusIngest(
    HouseholdEngine engine, HouseholdUpdater updater, CloudCounters counters, TimeProvider time, ILogger<GatewayStatusIngest> logger)
{
    public const int MaxPayloadBytes = 4 * 1024;

    public async Task HandleAsync(string topic, ReadOnlySequence<byte> payload, CancellationToken ct)
    {
        if (payload.IsEmpty)
        {
            // An empty retained message only clears the broker's copy; there is nothing to apply.
            return;
        }

        var (householdId, gatewayId, status, rejection) = Read(topic, payload);
        if (rejection is not null)
        {
            counters.Reject(rejection.Code);
            Log.Rejected(logger, topic, rejection.Code, rejection.Detail);
            return;
        }

        var receivedAt = time.GetUtcNow();
        var result = await updater.ChangeAsync(householdId, null, twin => engine.ApplyGatewayStatus(twin, gatewayId, status!, receivedAt), ct);
        counters.StatusAccepted();
        Log.StatusApplied(logger, householdId, gatewayId, status!.State.ToString(), result.EventsRaised);
    }

    private static (string HouseholdId, string GatewayId, GatewayStatus? Status, Rejection? Rejection) Read(string topic, ReadOnlySequence<byte> payload)
    {
        if (!Topics.TryParseGateway(topic, out var householdId, out var gatewayId, out _)
            || !Identifiers.IsValid(householdId) || !Identifiers.IsValid(gatewayId))
        {
            return (householdId, gatewayId, null, new(RejectionCodes.BadTopic, "topic is not shg/v1/{householdId}/{gatewayId}/status with identifiers"));
        }

        if (payload.Length > MaxPayloadBytes)
        {
            return (householdId, gatewayId, null, new(RejectionCodes.TooLarge, $"status of {payload.Length} bytes exceeds {MaxPayloadBytes}"));
        }

        try
        {
            var reader = new Utf8JsonReader(payload);
            return JsonSerializer.Deserialize(ref reader, ContractsJsonContext.Default.GatewayStatus) is { } status
                ? (householdId, gatewayId, status, null)
                : (householdId, gatewayId, null, new(RejectionCodes.MalformedJson, "payload is JSON null"));
        }
        catch (JsonException ex)
        {
            return (householdId, gatewayId, null, new(RejectionCodes.MalformedJson, ex.Message));
        }
    }
}
