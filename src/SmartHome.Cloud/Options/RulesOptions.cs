using System.ComponentModel.DataAnnotations;

namespace SmartHome.Cloud.Options;

/// <summary><c>SmartHome:Cloud:Rules</c>: how often the time-driven rules run over every household.</summary>
public sealed class RulesOptions
{
    public const string Section = "SmartHome:Cloud:Rules";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "SmartHome:Cloud:Rules:Interval must be between 00:00:01 and 01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
}
