using SmartHome.Gateway.Mqtt;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.UnitTests.Mqtt;

public sealed class MqttClientIdsTests
{
    [Fact]
    public void Uplink_IdsThatJoinToTheSameTextWithADash_AreStillDistinct()
    {
        var first = TestData.Identity with { HouseholdId = "a-b", GatewayId = "c" };
        var second = TestData.Identity with { HouseholdId = "a", GatewayId = "b-c" };

        Assert.NotEqual(MqttClientIds.Uplink(first), MqttClientIds.Uplink(second));
        Assert.NotEqual(MqttClientIds.ApplianceLink(first), MqttClientIds.ApplianceLink(second));
    }

    [Fact]
    public void ApplianceLink_IsTheUplinkIdWithASuffix()
    {
        Assert.Equal("shg:home-1:gw-1", MqttClientIds.Uplink(TestData.Identity));
        Assert.Equal("shg:home-1:gw-1:appliances", MqttClientIds.ApplianceLink(TestData.Identity));
    }
}
