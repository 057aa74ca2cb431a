using System.Text.Json.Serialization;

namespace SmartHome.Contracts.ApplianceLink;

public enum StorageLocation
{
    [JsonStringEnumMemberName("fridge")] Fridge,
    [JsonStringEnumMemberName("freezer")] Freezer,
    [JsonStringEnumMemberName("pantry")] Pantry,
}
