using System.Buffers;
using SmartHome.Contracts.Validation;
using SmartHome.Gateway.Clock;
using SmartHome.Gateway.Health;
using SmartHome.Gateway.Outbox;

namespace SmartHome.Gateway.ApplianceLink;

/// <summary>What happens to one appliance-link message, whichever broker it came through.</summary>
internal sealed class ApplianceMessageHandler(
    DurableOutbox outbox, GatewayClock clock, TimeProvider time, GatewayMetrics metrics, ILogger<ApplianceMessageHandler> logger,
    IEnumerable<IAcceptedRecordObserver>? observers = null)
{
    private const int MaxLoggedTopicLength = 128;

    /// <summary>
    /// Validates the message and stores its record durably in the outbox. Returns the rejection when the message is
    /// malformed (counted and logged), null when it is stored, or when it is an empty retained message, which only
    /// clears the retained status on the broker. Throws when the outbox cannot store it.
    /// </summary>
    public async Task<Rejection?> HandleAsync(string topic, ReadOnlySequence<byte> payload, bool retain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (retain && payload.IsEmpty)
        {
            return null;
        }

        var clockSynced = clock.IsSynchronized();
        var now = time.GetUtcNow();
        var result = payload.IsSingleSegment
            ? ApplianceMessageReader.Read(topic, payload.FirstSpan, now)
            : ApplianceMessageReader.Read(topic, payload.ToArray(), now);
        if (result.Rejection is { } rejection)
        {
            metrics.ApplianceMessageRejected(rejection.Code);
            Log.MessageRejected(logger, LoggableTopic(topic), rejection.Code, rejection.Detail);
            return rejection;
        }

        var record = result.StampedOnArrival && !clockSynced ? result.Record! with { ClockSynced = false } : result.Record!;
        try
        {
            await outbox.AppendAsync(record, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.MessageNotStored(logger, LoggableTopic(topic), ex);
            throw;
        }

        metrics.ApplianceMessageAccepted();
        foreach (var observer in observers ?? [])
        {
            observer.Accepted(result.Record!);
        }

        return null;
    }

    private static string LoggableTopic(string topic) => topic.Length <= MaxLoggedTopicLength ? topic : topic[..MaxLoggedTopicLength] + "…";
}
