using System.Text.Json;
using System.Text.Json.Serialization;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Delivery;

/// <summary>The JSON of partner notices sent over MQTT, the same as <c>GET /api/v1/partner/notices</c> answers.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PartnerNotice))]
internal sealed partial class DeliveryJsonContext : JsonSerializerContext
{
    public static string ToJson(PartnerNotice notice) => JsonSerializer.Serialize(notice, Default.PartnerNotice);
}
