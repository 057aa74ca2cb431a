using System.Text.Json.Serialization;

namespace SmartHome.Contracts.Telemetry;

public enum RecordQuality
{
    [JsonStringEnumMemberName("good")] Good,
    [JsonStringEnumMemberName("suspect")] Suspect,
    [JsonStringEnumMemberName("bad")] Bad,
}
