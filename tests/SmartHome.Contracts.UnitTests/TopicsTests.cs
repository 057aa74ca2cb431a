namespace SmartHome.Contracts.UnitTests;

public sealed class TopicsTests
{
    [Fact]
    public void Builders_FollowTheContract()
    {
        Assert.Equal("appliance/demo-fridge/temperature", Topics.ApplianceTemperature("demo-fridge"));
        Assert.Equal("appliance/demo-fridge/door", Topics.ApplianceDoor("demo-fridge"));
        Assert.Equal("appliance/demo-fridge/inventory", Topics.ApplianceInventory("demo-fridge"));
        Assert.Equal("appliance/demo-fridge/status", Topics.ApplianceStatus("demo-fridge"));
        Assert.Equal("shg/v1/demo/demo-gw/telemetry", Topics.Telemetry("demo", "demo-gw"));
        Assert.Equal("shg/v1/demo/demo-gw/status", Topics.GatewayStatus("demo", "demo-gw"));
        Assert.Equal("shg/v1/demo/notifications", Topics.Notifications("demo"));
        Assert.Equal("shg/v1/partners/fresh-mart/events", Topics.PartnerEvents("fresh-mart"));
        Assert.Equal("shg/v1/partners/fresh-mart/notices", Topics.PartnerNotices("fresh-mart"));
    }

    [Fact]
    public void Subscriptions_AreTheContractsFilters()
    {
        Assert.Equal("appliance/+/+", Topics.ApplianceFilter);
        Assert.Equal("$share/shg-core/shg/v1/+/+/telemetry", Topics.TelemetrySharedSubscription);
        Assert.Equal("$share/shg-core/shg/v1/+/+/status", Topics.StatusSharedSubscription);
    }

    [Fact]
    public void TryParseAppliance_ApplianceTopic_SplitsIt()
    {
        Assert.True(Topics.TryParseAppliance("appliance/demo-fridge/door", out var applianceId, out var channel));
        Assert.Equal(("demo-fridge", "door"), (applianceId, channel));
    }

    [Theory]
    [InlineData("appliance/demo-fridge")]
    [InlineData("appliance//door")]
    [InlineData("appliance/demo-fridge/")]
    [InlineData("appliance/a/b/c")]
    [InlineData("device/demo-fridge/door")]
    [InlineData("")]
    public void TryParseAppliance_OtherShape_IsFalse(string topic)
    {
        Assert.False(Topics.TryParseAppliance(topic, out var applianceId, out var channel));
        Assert.Equal((string.Empty, string.Empty), (applianceId, channel));
    }

    [Fact]
    public void TryParseGateway_GatewayTopic_SplitsIt()
    {
        Assert.True(Topics.TryParseGateway("shg/v1/demo/demo-gw/telemetry", out var householdId, out var gatewayId, out var leaf));
        Assert.Equal(("demo", "demo-gw", "telemetry"), (householdId, gatewayId, leaf));
    }

    [Theory]
    [InlineData("shg/v1/partners/fresh-mart/events")]
    [InlineData("shg/v1/demo/notifications")]
    [InlineData("shg/v2/demo/demo-gw/telemetry")]
    [InlineData("shg/v1//demo-gw/telemetry")]
    [InlineData("shg/v1/demo/demo-gw/telemetry/extra")]
    public void TryParseGateway_OtherShape_IsFalse(string topic) => Assert.False(Topics.TryParseGateway(topic, out _, out _, out _));
}
