namespace SmartHome.Contracts.Notifications;

public static class NotificationSeverityNames
{
    /// <summary>The contract's name of the severity, as in the notification's JSON: <c>urgent</c>, <c>warning</c> or <c>info</c>.</summary>
    public static string Name(this NotificationSeverity severity) => severity switch
    {
        NotificationSeverity.Urgent => "urgent",
        NotificationSeverity.Warning => "warning",
        NotificationSeverity.Info => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "not a notification severity"),
    };
}
