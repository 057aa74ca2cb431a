using System.Text.Json;
using System.Text.Json.Serialization;
using SmartHome.Cloud.Core.Twin;

namespace SmartHome.Cloud.Core.Serialization;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(HouseholdTwin))]
internal sealed partial class TwinJsonContext : JsonSerializerContext;
