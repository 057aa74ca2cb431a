using System.ComponentModel.DataAnnotations;

namespace SmartHome.Cloud.Options;

/// <summary><c>SmartHome:Cloud:Notifications:Stream</c>: the householders' live notification streams (server-sent events).</summary>
public sealed class NotificationStreamOptions
{
    public const string Section = "SmartHome:Cloud:Notifications:Stream";

    /// <summary>How often an idle stream sends a comment, so proxies and the browser keep the connection open.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "SmartHome:Cloud:Notifications:Stream:KeepAlive must be between 00:00:01 and 00:05:00")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a stream looks in the store without being woken: notifications another replica stored.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "SmartHome:Cloud:Notifications:Stream:PollInterval must be between 00:00:00.010 and 00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Open streams one household may have at once; more get 429.</summary>
    [Range(1, 1000, ErrorMessage = "SmartHome:Cloud:Notifications:Stream:MaxPerHousehold must be between 1 and 1000")]
    public int MaxPerHousehold { get; set; } = 10;
}
