using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Contracts;
using SmartHome.Testing;

namespace SmartHome.IntegrationTests;

/// <summary>
/// The gateway's uplink to a real Mosquitto TLS listener, with certificates made by the test. Subscribers and the cloud
/// use the broker's plain listener; only the gateway goes through TLS.
/// </summary>
public sealed class GatewayUplinkTlsThroughMosquittoTests : IAsyncLifetime
{
    private const string HouseholdId = "tls-home";
    private const string GatewayId = "tls-gw";
    private const string Password = "uplink-secret-never-logged";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory.CreateTempSubdirectory("shg-tls-").FullName;
    private readonly TestCertificates _trusted;
    private readonly TestCertificates _other;
    private MosquittoBroker? _broker;
    private CloudInstance? _cloud;
    private GatewayInstance? _gateway;

    public GatewayUplinkTlsThroughMosquittoTests()
    {
        _trusted = new TestCertificates(_directory, "trusted");
        _other = new TestCertificates(_directory, "other");
    }

    private static string TelemetryTopic => Topics.Telemetry(HouseholdId, GatewayId);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        _trusted.Dispose();
        _other.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Uplink_BrokerCertificateFromTheConfiguredCa_RecordsReachTheCloudAndNoSecretIsLogged()
    {
        var server = _trusted.IssueServerCertificateFiles("broker");
        var broker = await StartBrokerAsync(new MosquittoTls(_trusted.CaFile, server.CertificateFile, server.KeyFile));
        _cloud = await CloudInstance.StartAsync(new Dictionary<string, string?>
        {
            ["SmartHome:Cloud:Broker:Embedded"] = "false",
            ["SmartHome:Cloud:Broker:Host"] = "127.0.0.1",
            ["SmartHome:Cloud:Broker:Port"] = broker.Port.ToString(),
        });
        var gateway = await StartGatewayAsync(new()
        {
            ["SmartHome:Gateway:Uplink:CaFile"] = _trusted.CaFile,
            ["SmartHome:Gateway:Uplink:Username"] = GatewayId,
            ["SmartHome:Gateway:Uplink:Password"] = Password,
        });
        using var householder = _cloud.Client(await _cloud.CreateHouseholdTokenAsync(HouseholdId));
        await using var appliance = await MqttTestClient.ConnectAsync(gateway.ApplianceLinkPort);

        await appliance.PublishAsync(Topics.ApplianceTemperature("tls-fridge"), """{"sensor":"fridge","celsius":3.7}""");

        await Eventually.TrueAsync(async () =>
            (await householder.GetStringAsync("api/v1/household")).Contains("3.7", StringComparison.Ordinal),
            Patience, "the temperature sent over TLS to reach the cloud's twin");
        AssertNeverLogged(gateway, Password);
    }

    [Fact]
    public async Task Uplink_MutualTls_TheBrokerKnowsTheGatewayByItsClientCertificate()
    {
        // The ACL lets anonymous clients only read, and the certificate's CN write: records arrive only if the broker
        // took the gateway's identity from its client certificate.
        var acl = Path.Combine(_directory, "acl");
        await File.WriteAllTextAsync(acl, $"""
            topic read shg/#
            user {GatewayId}
            topic readwrite shg/#
            """);
        var server = _trusted.IssueServerCertificateFiles("broker");
        var broker = await StartBrokerAsync(
            new MosquittoTls(_trusted.CaFile, server.CertificateFile, server.KeyFile) { RequireCertificate = true, UseIdentityAsUsername = true },
            $"acl_file {acl}");
        var (certificateFile, keyFile) = _trusted.IssueClientCertificateFiles(GatewayId);
        await using var subscriber = await MqttTestClient.ConnectAsync(broker.Port, TelemetryTopic);
        var gateway = await StartGatewayAsync(new()
        {
            ["SmartHome:Gateway:Uplink:CaFile"] = _trusted.CaFile,
            ["SmartHome:Gateway:Uplink:ClientCertFile"] = certificateFile,
            ["SmartHome:Gateway:Uplink:ClientKeyFile"] = keyFile,
        });
        await using var appliance = await MqttTestClient.ConnectAsync(gateway.ApplianceLinkPort);

        await appliance.PublishAsync(Topics.ApplianceDoor("tls-fridge"), """{"door":"main","state":"open"}""");

        await Eventually.TrueAsync(() => subscriber.Received.Any(m => m.Payload.Contains("\"open\"", StringComparison.Ordinal)),
            Patience, "the door record published with the client certificate");
        var keyLines = (await File.ReadAllLinesAsync(keyFile)).Where(line => !line.StartsWith("-----", StringComparison.Ordinal)).ToArray();
        AssertNeverLogged(gateway, keyLines);
    }

    [Fact]
    public async Task Uplink_BrokerCertificateFromAnotherCa_IsRefusedCountedAndTheOutboxKeepsTheRecord()
    {
        var impostor = _other.IssueServerCertificateFiles("broker");
        var broker = await StartBrokerAsync(new MosquittoTls(_other.CaFile, impostor.CertificateFile, impostor.KeyFile));
        var gateway = await StartGatewayAsync(new() { ["SmartHome:Gateway:Uplink:CaFile"] = _trusted.CaFile });
        await using (var appliance = await MqttTestClient.ConnectAsync(gateway.ApplianceLinkPort))
        {
            await appliance.PublishAsync(Topics.ApplianceInventory("tls-fridge"),
                """{"op":"added","itemId":"cheese-1","name":"Cheese","category":"dairy","quantity":1,"location":"fridge"}""");
        }

        var uplink = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var health = await HealthAsync(gateway);
            return health.GetProperty("uplink").GetProperty("failedAttempts").GetInt64() >= 2
                && health.GetProperty("outbox").GetProperty("pendingRecords").GetInt64() == 1 ? health : (JsonElement?)null;
        }, Patience, "refused attempts while the record waits in the outbox");
        Assert.Equal(0, uplink.GetProperty("uplink").GetProperty("reconnects").GetInt64());
        Assert.Null(uplink.GetProperty("uplink").GetProperty("connectedSince").GetString());
        Assert.NotNull(uplink.GetProperty("uplink").GetProperty("lastError").GetString());
        Assert.Contains(gateway.Logs.GetSnapshot(), log => log.Id.Id == 1300 && log.Message.Contains("Uplink", StringComparison.Ordinal));

        // The operator replaces the broker's certificate (same file names) with one from the gateway's CA: the kept record goes out.
        _trusted.IssueServerCertificateFiles("broker");
        await broker.StopAsync();
        await broker.StartAsync();
        await using var subscriber = await MqttTestClient.ConnectAsync(broker.Port, TelemetryTopic);

        await Eventually.TrueAsync(() => subscriber.Received.Any(m => m.Payload.Contains("cheese-1", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(90), "the record kept in the outbox to arrive once the broker is trusted");
    }

    [Fact]
    public async Task Uplink_NoClientCertificateForAMutualTlsBroker_IsRefused()
    {
        var server = _trusted.IssueServerCertificateFiles("broker");
        await StartBrokerAsync(new MosquittoTls(_trusted.CaFile, server.CertificateFile, server.KeyFile) { RequireCertificate = true });
        var gateway = await StartGatewayAsync(new() { ["SmartHome:Gateway:Uplink:CaFile"] = _trusted.CaFile });

        var health = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var report = await HealthAsync(gateway);
            return report.GetProperty("uplink").GetProperty("failedAttempts").GetInt64() >= 2 ? report : (JsonElement?)null;
        }, Patience, "refused attempts without a client certificate");

        // With TLS 1.3 the client learns of the refusal only as a closed connection, so the reason is not asserted.
        Assert.Equal(0, health.GetProperty("uplink").GetProperty("reconnects").GetInt64());
        Assert.Null(health.GetProperty("uplink").GetProperty("connectedSince").GetString());
    }

    private static async Task<JsonElement> HealthAsync(GatewayInstance gateway)
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<JsonElement>(gateway.HealthAddress);
    }

    private static void AssertNeverLogged(GatewayInstance gateway, params string[] secrets)
    {
        var logs = gateway.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        foreach (var log in logs)
        {
            var text = log.Message + log.Exception;
            Assert.DoesNotContain(secrets, secret => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    private async Task<MosquittoBroker> StartBrokerAsync(MosquittoTls tls, string extraConfig = "")
    {
        _broker = await MosquittoBroker.StartAsync(extraConfig, tls);
        return _broker;
    }

    private async Task<GatewayInstance> StartGatewayAsync(Dictionary<string, string?> settings)
    {
        settings["SmartHome:Gateway:Uplink:UseTls"] = "true";
        settings["Logging:LogLevel:Default"] = "Trace";
        _gateway = await GatewayInstance.StartAsync(
            HouseholdId, GatewayId, _broker!.TlsPort!.Value, Path.Combine(_directory, "outbox"), settings);
        return _gateway;
    }
}
