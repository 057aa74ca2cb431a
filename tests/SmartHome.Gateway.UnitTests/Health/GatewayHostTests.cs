using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using SmartHome.Contracts.Serialization;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Hosting;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Health;

/// <summary>The whole gateway as a host composes it: appliance → embedded link → outbox → uplink → broker, and /healthz.</summary>
public sealed class GatewayHostTests : IDisposable
{
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

    private static string Port(int port) => TestGatewayHost.Port(port);

    private static Task<JsonElement> HealthAsync(HttpClient http) => TestGatewayHost.HealthAsync(http);

    private WebApplication BuildGateway(Dictionary<string, string?> overrides) =>
        TestGatewayHost.Build(_directory.Path, _appliancePort, _healthPort, overrides);
}
