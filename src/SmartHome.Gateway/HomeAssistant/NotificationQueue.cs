using System.Threading.Channels;
using SmartHome.Contracts.Notifications;
using SmartHome.Gateway.Health;
using SmartHome.Gateway.Uplink;

namespace SmartHome.Gateway.HomeAssistant;

/// <summary>
/// The notifications waiting to be published to Home Assistant while its broker is away: in memory, the newest
/// <see cref="Capacity"/>, the oldest dropped (and counted) beyond that. Safe for concurrent use.
/// </summary>
internal sealed class NotificationQueue(GatewayMetrics metrics, ILogger<NotificationQueue> logger) : INotificationObserver
{
    public const int Capacity = 100;

    private readonly Lock _gate = new();
    private readonly Queue<HouseholdNotification> _waiting = new();
    private readonly Channel<bool> _added = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Signalled after every addition; several before a read make one signal.</summary>
    public ChannelReader<bool> Added => _added.Reader;

    public void Received(HouseholdNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        lock (_gate)
        {
            _waiting.Enqueue(notification);
            if (_waiting.Count > Capacity)
            {
                var dropped = _waiting.Dequeue();
                metrics.NotificationDroppedForHomeAssistant();
                Log.NotificationDropped(logger, dropped.Id, Capacity);
            }
        }

        _added.Writer.TryWrite(true);
    }

    /// <summary>The oldest waiting notification, left in the queue until <see cref="Remove"/>.</summary>
    public bool TryPeek(out HouseholdNotification notification)
    {
        lock (_gate)
        {
            return _waiting.TryPeek(out notification!);
        }
    }

    /// <summary>Removes <paramref name="published"/> if it is still the oldest (it may have been dropped meanwhile).</summary>
    public void Remove(HouseholdNotification published)
    {
        lock (_gate)
        {
            if (_waiting.TryPeek(out var oldest) && ReferenceEquals(oldest, published))
            {
                _waiting.Dequeue();
            }
        }
    }
}
