using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using SmartHome.Contracts;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Serialization;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Hosting;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Health;

/// <summary>The whole gateway as a host composes it: appliance → embedded link → outbox → uplink → broker, and /healthz.</summary>
public sealed class GatewayHostTests : IDisposable
{
    private const string NotificationEventTopic = "shg-gateway/gw-1/notifications";
    private const string NotificationsConfigTopic = "homeassistant/event/shg_home-1_gw-1/notifications/config";
    private const string LastNotificationConfigTopic = "homeassistant/sensor/shg_home-1_gw-1/last_notification/config";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly TempDirectory _directory = new();
    private readonly int _appliancePort = FreePort.Next();
    private readonly int _healthPort = FreePort.Next();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AddGateway_ApplianceMessage_TravelsToTheCloudBrokerAndShowsInHealth()
    {
        await using var broker = new EmbeddedMqttBroker();
        await broker.StartAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port, "shg/v1/home-1/gw-1/telemetry");
        await using var sut = BuildGateway(new() { ["SmartHome:Gateway:Uplink:Port"] = Port(broker.Port) });
        await sut.StartAsync();
        using var appliance = new MqttClientFactory().CreateMqttClient();
        await appliance.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _appliancePort).Build());

        await appliance.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("appliance/fridge-1/temperature")
            .WithPayload("""{"sensor":"fridge","celsius":3.9}""")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

        var received = await Eventually.GetAsync(() => Task.FromResult(subscriber.Received.FirstOrDefault()), Timeout, "the telemetry envelope");
        var envelope = JsonSerializer.Deserialize(received.Payload, ContractsJsonContext.Default.TelemetryEnvelope)!;
        Assert.Equal(1, envelope.Seq);
        Assert.Equal("fridge-1", Assert.Single(envelope.Records).Appliance);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_healthPort}") };
        await Eventually.TrueAsync(
            async () => (await HealthAsync(http)).GetProperty("outbox").GetProperty("ackedSeq").GetInt64() == 1, Timeout, "health to show the ack");
        var health = await HealthAsync(http);
        Assert.Equal("connected", health.GetProperty("uplink").GetProperty("state").GetString());
        Assert.Equal(1, health.GetProperty("uplink").GetProperty("publishedEnvelopes").GetInt64());
        Assert.Equal(0, health.GetProperty("outbox").GetProperty("pendingEnvelopes").GetInt64());
        Assert.True(health.GetProperty("outbox").GetProperty("bytesWritten").GetInt64() > 0);
        Assert.Equal("embedded", health.GetProperty("applianceLink").GetProperty("mode").GetString());
        Assert.Equal(1, health.GetProperty("applianceLink").GetProperty("accepted").GetInt64());
        await sut.StopAsync();
    }

    /// <summary>
    /// A notification the cloud publishes to the household's topic becomes one Home Assistant event on the appliance
    /// link's broker (here the embedded one), announced by discovery as an event entity of the gateway's device.
    /// </summary>
    [Fact]
    public async Task AddGateway_CloudNotificationPublishedTwice_ReachesHomeAssistantAsOneEvent_WithTheEntityAnnounced()
    {
        await using var cloud = await EmbeddedMqttBroker.StartNewAsync();
        var topic = Topics.Notifications("home-1");
        await using var sut = BuildGateway(new() { ["SmartHome:Gateway:Uplink:Port"] = Port(cloud.Port) });
        await sut.StartAsync();
        await using var events = await TestSubscriber.ConnectAsync(_appliancePort, NotificationEventTopic);
        await using var discovery = await TestSubscriber.ConnectAsync(_appliancePort, "homeassistant/#");
        await Eventually.TrueAsync(() => cloud.Subscriptions(topic) > 0, Timeout, "the gateway to subscribe to its notifications");
        await using var core = await MqttTestClient.ConnectAsync(cloud.Port);
        var urgent = Guid.NewGuid();
        var info = Guid.NewGuid();

        await core.PublishAsync(topic, TestData.NotificationJson(urgent));
        await core.PublishAsync(topic, TestData.NotificationJson(urgent));
        await core.PublishAsync(topic, TestData.NotificationJson(info, NotificationSeverity.Info));

        await Eventually.TrueAsync(() => events.Received.Count == 2, Timeout, "both events");
        var received = events.Received.ToList();
        Assert.All(received, message => Assert.False(message.Retain));
        using var first = JsonDocument.Parse(received[0].Payload);
        var payload = first.RootElement;
        Assert.Equal("urgent", payload.GetProperty("event_type").GetString());
        Assert.Equal("Fridge running warm", payload.GetProperty("title").GetString());
        Assert.StartsWith("The fridge has been above 8 °C", payload.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("shg.appliance.temperature-excursion.v1", payload.GetProperty("type").GetString());
        Assert.Equal("demo-fridge/fridge", payload.GetProperty("subject").GetString());
        Assert.Equal(urgent, payload.GetProperty("id").GetGuid());
        Assert.Equal(TestData.Start, payload.GetProperty("at").GetDateTimeOffset());
        using var second = JsonDocument.Parse(received[1].Payload);
        Assert.Equal(info, second.RootElement.GetProperty("id").GetGuid());
        Assert.Equal("info", second.RootElement.GetProperty("event_type").GetString());

        // Retained: the copy at subscribe time, or the live one, or both if they crossed.
        await Eventually.TrueAsync(
            () => discovery.On(NotificationsConfigTopic).Any() && discovery.On(LastNotificationConfigTopic).Any(), Timeout, "both discovery configs");
        var config = Assert.IsType<ReceivedMessage>(discovery.On(NotificationsConfigTopic).LastOrDefault());
        Assert.True(config.Retain);
        using var configJson = JsonDocument.Parse(config.Payload);
        var entity = configJson.RootElement;
        Assert.Equal(NotificationEventTopic, entity.GetProperty("state_topic").GetString());
        Assert.Equal(["urgent", "warning", "info"], entity.GetProperty("event_types").EnumerateArray().Select(type => type.GetString()));
        Assert.Equal("shg_home-1_gw-1_notifications", entity.GetProperty("unique_id").GetString());
        Assert.Equal("shg-gateway/gw-1/availability", entity.GetProperty("availability_topic").GetString());
        Assert.Equal("shg_home-1_gw-1", entity.GetProperty("device").GetProperty("identifiers")[0].GetString());

        await using var dashboard = await TestSubscriber.ConnectAsync(_appliancePort, "shg-gateway/gw-1/last-notification");
        await Eventually.TrueAsync(
            () => dashboard.Received.LastOrDefault() is { Retain: true } last && last.Payload == received[1].Payload, Timeout, "the last notification, retained");

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_healthPort}") };
        // Counted once the local broker acknowledged the event, which may be just after the subscriber got it.
        await Eventually.TrueAsync(
            async () => (await HealthAsync(http)).GetProperty("notifications").GetProperty("publishedToHomeAssistant").GetInt64() == 2,
            Timeout,
            "health to count both events");
        var health = (await HealthAsync(http)).GetProperty("notifications");
        Assert.Equal(2, health.GetProperty("accepted").GetInt64());
        Assert.Equal(1, health.GetProperty("duplicates").GetInt64());
        await sut.StopAsync();
    }

    [Fact]
    public async Task Healthz_RejectedApplianceMessages_AreCountedByCode()
    {
        await using var sut = BuildGateway(new() { ["SmartHome:Gateway:Uplink:Port"] = Port(FreePort.Next()) });
        await sut.StartAsync();
        using var appliance = new MqttClientFactory().CreateMqttClient();
        await appliance.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _appliancePort).Build());

        foreach (var (topic, payload) in new[] { ("appliance/fridge-1/temperature", "not json"), ("appliance/fridge-1/smell", "{}") })
        {
            await appliance.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_healthPort}") };
        var health = await HealthAsync(http);
        var rejected = health.GetProperty("applianceLink").GetProperty("rejected");
        Assert.Equal(1, rejected.GetProperty("malformed-json").GetInt64());
        Assert.Equal(1, rejected.GetProperty("bad-topic").GetInt64());
        Assert.NotEqual("connected", health.GetProperty("uplink").GetProperty("state").GetString());
        await sut.StopAsync();
    }

    [Fact]
    public async Task AddGateway_BadGatewayId_StartFailsWithAMessageNamingTheKey()
    {
        await using var sut = BuildGateway(new() { ["SmartHome:Gateway:GatewayId"] = "gw/1" });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => sut.StartAsync());

        Assert.Contains("SmartHome:Gateway:GatewayId must be 1-64 characters", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SmartHome:Gateway:Uplink:Port")]
    [InlineData("SmartHome:Gateway:Health:Port")]
    public async Task AddGateway_NonNumericPort_StartFailsWithOneLineNamingTheKeyAndExitCode2(string key)
    {
        await using var sut = BuildGateway(new() { [key] = "abc" });

        var exception = await Record.ExceptionAsync(() => sut.StartAsync());

        Assert.NotNull(exception);
        Assert.True(StartupErrors.IsConfigurationError(exception));
        Assert.Equal($"Configuration error: {key} must be a whole number", StartupErrors.Describe(exception));
        Assert.Equal(StartupErrors.ConfigurationErrorExitCode, await StartupErrors.RunAsync(() => Task.FromException(exception)));
    }

    [Fact]
    public async Task AddGateway_UrlsConfigured_KestrelListensThereInsteadOfTheHealthPort()
    {
        var urlsPort = FreePort.Next();
        await using var sut = BuildGateway(new()
        {
            ["SmartHome:Gateway:Uplink:Port"] = Port(FreePort.Next()),
            ["urls"] = $"http://127.0.0.1:{urlsPort}",
        });
        await sut.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{urlsPort}") };
        var health = await HealthAsync(http);

        Assert.Equal("home-1", health.GetProperty("householdId").GetString());
        await sut.StopAsync();
    }

    [Fact]
    public async Task AddGateway_RelativeOutboxPath_IsResolvedAgainstTheContentRoot()
    {
        await using var sut = BuildGateway(new()
        {
            ["SmartHome:Gateway:Uplink:Port"] = Port(FreePort.Next()),
            ["SmartHome:Gateway:Outbox:Path"] = "relative-outbox",
        });
        await sut.StartAsync();

        Assert.True(Directory.Exists(Path.Combine(_directory.Path, "relative-outbox")));
        await sut.StopAsync();
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<JsonElement> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private WebApplication BuildGateway(Dictionary<string, string?> overrides)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = _directory.Path });
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>
        {
            ["SmartHome:Gateway:HouseholdId"] = "home-1",
            ["SmartHome:Gateway:GatewayId"] = "gw-1",
            ["SmartHome:Gateway:ApplianceLink:Port"] = Port(_appliancePort),
            ["SmartHome:Gateway:Health:Port"] = Port(_healthPort),
            ["SmartHome:Gateway:Outbox:Path"] = Path.Combine(_directory.Path, "outbox"),
            ["SmartHome:Gateway:Uplink:BootJitter"] = "00:00:00",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(UplinkHarness.FastTimings);
        builder.Services.AddSingleton(UplinkHarness.FastConnectionTimings);
        builder.AddGateway();
        var app = builder.Build();
        app.MapGatewayHealth();
        return app;
    }
}
