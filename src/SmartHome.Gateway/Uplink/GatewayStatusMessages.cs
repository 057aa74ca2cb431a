using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartHome.Contracts;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Gateway.Uplink;

/// <summary>The retained <c>shg/v1/{householdId}/{gatewayId}/status</c> messages: online at every connect, offline as the last will and at shutdown.</summary>
internal static class GatewayStatusMessages
{
    public static string Topic(GatewayIdentity identity) => Topics.GatewayStatus(identity.HouseholdId, identity.GatewayId);

    public static byte[] Payload(GatewayIdentity identity, OnlineState state) => JsonSerializer.SerializeToUtf8Bytes(
        new GatewayStatus { State = state, BootId = identity.BootId, Version = identity.Version },
        ContractsJsonContext.Default.GatewayStatus);

    public static MqttApplicationMessage Message(GatewayIdentity identity, OnlineState state) => new MqttApplicationMessageBuilder()
        .WithTopic(Topic(identity))
        .WithPayload(Payload(identity, state))
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .WithRetainFlag(true)
        .WithContentType(UplinkClientOptions.JsonContentType)
        .Build();
}
