using System.Text.Json.Serialization;

namespace SmartHome.Cloud.Storage;

/// <summary>The JSON the store keeps in its own columns (event-type lists, subscription filters).</summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, string[]>))]
internal sealed partial class StoreJsonContext : JsonSerializerContext
{
    public static string? FilterToJson(IReadOnlyDictionary<string, string[]>? filter) =>
        filter is null ? null : System.Text.Json.JsonSerializer.Serialize(filter.ToDictionary(), Default.DictionaryStringStringArray);

    public static Dictionary<string, string[]>? FilterFrom(string? json) =>
        json is null ? null : System.Text.Json.JsonSerializer.Deserialize(json, Default.DictionaryStringStringArray);

    public static string ToJson(IEnumerable<string> types) =>
        System.Text.Json.JsonSerializer.Serialize(types.ToArray(), Default.StringArray);

    public static string[] TypesFrom(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, Default.StringArray) ?? [];
}
