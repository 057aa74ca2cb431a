using MQTTnet;
using MQTTnet.Protocol;
using SmartHome.Contracts;

namespace SmartHome.Testing;

/// <summary>Appliance-link messages (contract §2) for streams of numbered records.</summary>
public static class ApplianceMessages
{
    /// <summary>An inventory "added" of one numbered jar, at QoS 1; its record carries <paramref name="itemId"/>.</summary>
    public static MqttApplicationMessage JarAdded(string applianceId, string itemId) => new MqttApplicationMessageBuilder()
        .WithTopic(Topics.ApplianceInventory(applianceId))
        .WithPayload($$"""{"op":"added","itemId":"{{itemId}}","name":"Jar","category":"condiments","quantity":1,"location":"pantry"}""")
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();
}
