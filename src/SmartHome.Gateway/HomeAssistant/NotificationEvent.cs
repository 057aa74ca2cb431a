using System.Text.Json.Nodes;
using SmartHome.Contracts.Notifications;

namespace SmartHome.Gateway.HomeAssistant;

/// <summary>
/// A household notification as Home Assistant's MQTT event entity takes it: <c>event_type</c> (the severity, one of
/// the entity's <see cref="EventTypes"/>), and the rest as the event's attributes.
/// </summary>
internal static class NotificationEvent
{
    public static IReadOnlyList<string> EventTypes { get; } =
        [.. Enum.GetValues<NotificationSeverity>().OrderDescending().Select(NotificationSeverityNames.Name)];

    public static string Payload(HouseholdNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return new JsonObject
        {
            ["event_type"] = notification.Severity.Name(),
            ["title"] = notification.Title,
            ["message"] = notification.Body,
            ["type"] = notification.Type,
            ["subject"] = notification.Subject,
            ["id"] = notification.Id,
            ["at"] = notification.At,
        }.ToJsonString();
    }
}
