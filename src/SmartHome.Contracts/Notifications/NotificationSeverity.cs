using System.Text.Json.Serialization;

namespace SmartHome.Contracts.Notifications;

public enum NotificationSeverity
{
    [JsonStringEnumMemberName("info")] Info,
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("urgent")] Urgent,
}
