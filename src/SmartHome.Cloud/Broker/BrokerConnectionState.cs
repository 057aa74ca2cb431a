using System.Text.Json.Serialization;

namespace SmartHome.Cloud.Broker;

[JsonConverter(typeof(JsonStringEnumConverter<BrokerConnectionState>))]
public enum BrokerConnectionState
{
    [JsonStringEnumMemberName("disconnected")] Disconnected,
    [JsonStringEnumMemberName("connecting")] Connecting,
    [JsonStringEnumMemberName("connected")] Connected,
}
