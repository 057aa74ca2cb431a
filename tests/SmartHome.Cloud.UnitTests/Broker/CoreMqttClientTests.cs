using MQTTnet.Protocol;
using SmartHome.Cloud.Broker;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Broker;

public sealed class CoreMqttClientTests
{
    [Fact]
    public async Task ExecuteAsync_FirstSubscriptionRefused_DisconnectsAndConnectsOnTheNextAttempt()
    {
        await using var broker = await EmbeddedMqttBroker.StartNewAsync();
        var refusals = 0;
        broker.Server.InterceptingSubscriptionAsync += args =>
        {
            if (Interlocked.Increment(ref refusals) == 1)
            {
                args.ProcessSubscription = false;
                args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            }

            return Task.CompletedTask;
        };

        await using var sut = await CloudTestHost.StartAsync(settings =>
        {
            settings["SmartHome:Cloud:Broker:Embedded"] = "false";
            settings["SmartHome:Cloud:Broker:SharedSubscription"] = "false";
            settings["SmartHome:Cloud:Broker:Host"] = "127.0.0.1";
            settings["SmartHome:Cloud:Broker:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });

        Assert.Equal(BrokerConnectionState.Connected, sut.Service<BrokerConnectivity>().State);
        Assert.True(refusals > 2, "the core subscribed again after the refusal");
    }
}
