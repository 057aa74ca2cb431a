using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartHome.Gateway.Health;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(GatewayHealthReport))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
