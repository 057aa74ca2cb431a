using System.Buffers;
using System.Data;
using System.Data.Common;
using SmartHome.Cloud.Broker;
using SmartHome.Cloud.Health;
using SmartHome.Contracts;
using SmartHome.Contracts.Validation;

namespace SmartHome.Cloud.Ingest;

/// <summary>
/// Sends each uplink message to its reader: telemetry envelopes and gateway status. A failure of the store asks the
/// broker for the message again; any other failure is the message's fault, so it is counted and dropped rather than
/// retried forever.
/// </summary>
internal sealed class IngestRouter(
    TelemetryIngest telemetry, GatewayStatusIngest status, CloudCounters counters, ILogger<IngestRouter> logger) : IBrokerMessageHandler
{
    /// <summary>Counted when applying a valid message failed for a reason other than the store (a defect to investigate).</summary>
    public const string ProcessingError = "processing-error";

    public async Task<MessageOutcome> HandleAsync(string topic, ReadOnlySequence<byte> payload, CancellationToken ct)
    {
        try
        {
            switch (Topics.TryParseGateway(topic, out _, out _, out var leaf) ? leaf : null)
            {
                case "telemetry":
                    await telemetry.HandleAsync(topic, payload, ct);
                    break;
                case "status":
                    await status.HandleAsync(topic, payload, ct);
                    break;
                default:
                    counters.Reject(RejectionCodes.BadTopic);
                    Log.Rejected(logger, topic, RejectionCodes.BadTopic, "not a telemetry or status topic");
                    break;
            }

            return MessageOutcome.Done;
        }
        catch (Exception ex) when (ex is DbException or DBConcurrencyException)
        {
            Log.StoreUnavailable(logger, topic, ex);
            return MessageOutcome.Retry;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            counters.Reject(ProcessingError);
            Log.ProcessingFailed(logger, topic, ex);
            return MessageOutcome.Done;
        }
    }
}
