using System.Text.Json.Serialization;

namespace SmartHome.Cloud.Core.Views;

/// <summary>What an item's dates and temperatures say about eating it, in the order it should be eaten (or thrown away) in.</summary>
public enum FoodState
{
    [JsonStringEnumMemberName("unsafe")] Unsafe,
    [JsonStringEnumMemberName("expired")] Expired,
    [JsonStringEnumMemberName("expiring")] Expiring,
    [JsonStringEnumMemberName("fresh")] Fresh,
}
