using System.Buffers;

namespace SmartHome.Cloud.Broker;

/// <summary>Takes the messages the core subscribed to.</summary>
internal interface IBrokerMessageHandler
{
    /// <summary>
    /// Handles one message. <see cref="MessageOutcome.Done"/> acknowledges it (also for a rejected message: bad input is
    /// counted, not retried); <see cref="MessageOutcome.Retry"/> leaves it unacknowledged for the broker to deliver again.
    /// </summary>
    Task<MessageOutcome> HandleAsync(string topic, ReadOnlySequence<byte> payload, CancellationToken ct);
}

internal enum MessageOutcome
{
    Done,
    Retry,
}
