using System.Text.Json;
using SmartHome.Cloud.Core.Twin;

namespace SmartHome.Cloud.Core.Serialization;

/// <summary>The twin's JSON form: camelCase, enums as strings, nulls left out.</summary>
public static class TwinSerializer
{
    public static string Serialize(HouseholdTwin twin)
    {
        ArgumentNullException.ThrowIfNull(twin);
        return JsonSerializer.Serialize(twin, TwinJsonContext.Default.HouseholdTwin);
    }

    /// <exception cref="JsonException">The text is not a household twin.</exception>
    public static HouseholdTwin Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, TwinJsonContext.Default.HouseholdTwin)
            ?? throw new JsonException("A household twin cannot be null.");
    }
}
