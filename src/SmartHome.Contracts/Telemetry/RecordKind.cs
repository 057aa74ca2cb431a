using System.Text.Json.Serialization;

namespace SmartHome.Contracts.Telemetry;

public enum RecordKind
{
    [JsonStringEnumMemberName("temperature")] Temperature,
    [JsonStringEnumMemberName("door")] Door,
    [JsonStringEnumMemberName("inventory")] Inventory,
    [JsonStringEnumMemberName("fault")] Fault,

    /// <summary>An appliance's own online state (addition to contract v1, see docs/protocol.md).</summary>
    [JsonStringEnumMemberName("status")] Status,
}
