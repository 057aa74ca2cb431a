using SmartHome.Contracts.Notifications;

namespace SmartHome.Gateway.Uplink;

/// <summary>Told of each household notification the uplink received, valid and not seen before; must not block.</summary>
internal interface INotificationObserver
{
    void Received(HouseholdNotification notification);
}
