using System.ComponentModel.DataAnnotations;

namespace SmartHome.Cloud.Options;

/// <summary><c>SmartHome:Cloud:Notifications</c>: how the householder notification outbox is published.</summary>
public sealed class NotificationOptions
{
    public const string Section = "SmartHome:Cloud:Notifications";

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "SmartHome:Cloud:Notifications:PollInterval must be between 00:00:00.010 and 00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 1000, ErrorMessage = "SmartHome:Cloud:Notifications:BatchSize must be between 1 and 1000")]
    public int BatchSize { get; set; } = 50;
}
