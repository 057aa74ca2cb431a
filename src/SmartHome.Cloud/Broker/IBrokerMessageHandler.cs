using System.Buffers;

namespace SmartHome.Cloud.Broker;

/// <summary>Takes the messages the core subscribed to.</summary>
internal interface IBrokerMessageHandler
{
    /// <summary>
    /// Handles one message; the message is acknowledged once this completes (also for a rejected message: bad input
    /// is counted, not retried). Canceled, it leaves the message unacknowledged for the broker to deliver again.
    /// </summary>
    Task HandleAsync(string topic, ReadOnlySequence<byte> payload, CancellationToken ct);
}
