using System.ComponentModel.DataAnnotations;

namespace SmartHome.Cloud.Options;

/// <summary>
/// <c>SmartHome:Cloud:Notifications:Webhook</c>: how households' own webhooks are sent to. Each call's limits are the
/// partner webhooks' (<c>SmartHome:Cloud:Delivery:ConnectTimeout</c>, <c>:ResponseTimeout</c>, <c>:MaxResponseBytes</c>).
/// </summary>
public sealed class NotificationWebhookOptions
{
    public const string Section = "SmartHome:Cloud:Notifications:Webhook";

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "SmartHome:Cloud:Notifications:Webhook:PollInterval must be between 00:00:00.010 and 00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Sends claimed at once (each the oldest of its household), and so sent in parallel at most.</summary>
    [Range(1, 256, ErrorMessage = "SmartHome:Cloud:Notifications:Webhook:BatchSize must be between 1 and 256")]
    public int BatchSize { get; set; } = 16;

    /// <summary>A notification not sent within this time of becoming due (stored, or released after quiet hours) is stale news: it is not sent.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "SmartHome:Cloud:Notifications:Webhook:MaxAge must be between 00:01:00 and 7.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(6);
}
