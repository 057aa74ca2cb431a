using System.Text.Json.Serialization;

namespace SmartHome.Contracts.ApplianceLink;

public enum OnlineState
{
    [JsonStringEnumMemberName("online")] Online,
    [JsonStringEnumMemberName("offline")] Offline,
}
