using System.Text.Json.Serialization;

namespace SmartHome.Cloud.Storage;

/// <summary>The JSON the store keeps in its own columns (event-type lists).</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class StoreJsonContext : JsonSerializerContext
{
    public static string ToJson(IEnumerable<string> types) =>
        System.Text.Json.JsonSerializer.Serialize(types.ToArray(), Default.StringArray);

    public static string[] TypesFrom(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, Default.StringArray) ?? [];
}
