using System.Text.Json.Serialization;

namespace SmartHome.Contracts.ApplianceLink;

public enum InventoryOp
{
    [JsonStringEnumMemberName("added")] Added,
    [JsonStringEnumMemberName("removed")] Removed,
    [JsonStringEnumMemberName("consumed")] Consumed,
    [JsonStringEnumMemberName("opened")] Opened,
    [JsonStringEnumMemberName("moved")] Moved,
}
