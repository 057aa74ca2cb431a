using System.Buffers;
using System.Data;
using System.Data.Common;
using SmartHome.Cloud.Broker;
using SmartHome.Cloud.Health;
using SmartHome.Contracts;
using SmartHome.Contracts.Validation;

namespace SmartHome.Cloud.Ingest;

/// <summary>
/// Sends each uplink message to its reader: telemetry envelopes and gateway status. A failure of the store is
/// retried here, with capped exponential backoff, until the message is stored or the host stops; any other failure
/// is the message's fault, so it is counted and dropped rather than retried forever.
/// </summary>
internal sealed class IngestRouter(
    TelemetryIngest telemetry, GatewayStatusIngest status, CloudCounters counters, TimeProvider time, ILogger<IngestRouter> logger)
    : IBrokerMessageHandler
{
    /// <summary>Counted when applying a valid message failed for a reason other than the store (a defect to investigate).</summary>
    public const string ProcessingError = "processing-error";

    private static readonly TimeSpan MinStoreRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxStoreRetryDelay = TimeSpan.FromSeconds(30);

    public async Task HandleAsync(string topic, ReadOnlySequence<byte> payload, CancellationToken ct)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await RouteAsync(topic, payload, ct);
                return;
            }
            catch (Exception ex) when (ex is DbException or DBConcurrencyException)
            {
                var delay = StoreRetryDelay(failures);
                Log.StoreUnavailable(logger, topic, delay, ex);
                await Task.Delay(delay, time, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                counters.Reject(ProcessingError);
                Log.ProcessingFailed(logger, topic, ex);
                return;
            }
        }
    }

    private async Task RouteAsync(string topic, ReadOnlySequence<byte> payload, CancellationToken ct)
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
    }

    private static TimeSpan StoreRetryDelay(int failures)
    {
        var exponential = MinStoreRetryDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        return exponential < MaxStoreRetryDelay ? exponential : MaxStoreRetryDelay;
    }
}
