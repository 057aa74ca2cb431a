using System.Text.Json.Serialization;

namespace SmartHome.Gateway.Uplink;

internal enum UplinkState
{
    [JsonStringEnumMemberName("disconnected")] Disconnected,
    [JsonStringEnumMemberName("connecting")] Connecting,
    [JsonStringEnumMemberName("connected")] Connected,
}
