using System.Text.Json.Serialization;

namespace SmartHome.Contracts.ApplianceLink;

public enum DoorState
{
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("closed")] Closed,
}
