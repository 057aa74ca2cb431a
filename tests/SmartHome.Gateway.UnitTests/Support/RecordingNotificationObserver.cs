using System.Collections.Concurrent;
using SmartHome.Contracts.Notifications;
using SmartHome.Gateway.Uplink;

namespace SmartHome.Gateway.UnitTests.Support;

internal sealed class RecordingNotificationObserver : INotificationObserver
{
    public ConcurrentQueue<HouseholdNotification> Received { get; } = new();

    void INotificationObserver.Received(HouseholdNotification notification) => Received.Enqueue(notification);
}
