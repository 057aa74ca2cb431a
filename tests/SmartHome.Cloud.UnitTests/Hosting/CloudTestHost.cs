using System.Buffers;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartHome.Cloud.Broker;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Hosting;

/// <summary>
/// The cloud host as AllInOne builds it: a fresh <see cref="WebApplicationBuilder"/>, in-memory configuration,
/// AddCloud/MapCloud. HTTP runs on the test server; the embedded broker on a free loopback port; the store in a
/// temporary SQLite file.
/// </summary>
internal sealed class CloudTestHost : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-0123456789";

    private readonly string? ownedDatabasePath;

    private CloudTestHost(WebApplication app, string? ownedDatabasePath)
    {
        App = app;
        this.ownedDatabasePath = ownedDatabasePath;
    }

    public WebApplication App { get; }

    public int BrokerPort => Service<BrokerEndpoint>().Port;

    public static Dictionary<string, string?> DefaultSettings(string databasePath) => new()
    {
        ["SmartHome:Cloud:AdminKey"] = AdminKey,
        ["SmartHome:Cloud:Broker:Port"] = "0",
        ["SmartHome:Cloud:Broker:ClientId"] = "core-" + Guid.NewGuid().ToString("N"),
        ["SmartHome:Cloud:Storage:ConnectionString"] = $"Data Source={databasePath}",
        ["SmartHome:Cloud:Delivery:AllowPrivateNetworks"] = "true",
        ["SmartHome:Cloud:Delivery:Worker:PollInterval"] = "00:00:00.050",
        ["SmartHome:Cloud:Notifications:PollInterval"] = "00:00:00.050",
        ["SmartHome:Cloud:Rules:Interval"] = "01:00:00",
    };

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"shg-cloud-{Guid.NewGuid():N}.db");

    public static WebApplicationBuilder CreateBuilder(
        IDictionary<string, string?> settings, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.AddCloud();

        // After the cloud's registrations, so a test can replace or remove any of them (the last registration wins).
        services?.Invoke(builder.Services);
        return builder;
    }

    /// <summary>Starts a host and waits until its core is connected to the embedded broker.</summary>
    /// <param name="configure">Changes to <see cref="DefaultSettings"/>.</param>
    /// <param name="time">The clock, e.g. a FakeTimeProvider; the system clock by default.</param>
    /// <param name="databasePath">A store to share with other hosts (the caller deletes it); by default a new one, deleted with the host.</param>
    /// <param name="services">Registrations made after AddCloud, replacing or removing its own (e.g. the store provider).</param>
    public static async Task<CloudTestHost> StartAsync(
        Action<Dictionary<string, string?>>? configure = null, TimeProvider? time = null, string? databasePath = null, Action<IServiceCollection>? services = null)
    {
        var ownedDatabasePath = databasePath is null ? NewDatabasePath() : null;
        var settings = DefaultSettings(databasePath ?? ownedDatabasePath!);
        configure?.Invoke(settings);
        var app = CreateBuilder(settings, time, services).Build();
        app.MapCloud();
        await app.StartAsync();
        var host = new CloudTestHost(app, ownedDatabasePath);
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await host.Service<BrokerConnectivity>().WaitUntilConnectedAsync(ready.Token);
        return host;
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public HttpClient Client(string? bearer = null)
    {
        var client = App.GetTestClient();
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public async Task<(string Id, string ApiKey)> CreatePartnerAsync(string name = "FreshMart", string kind = "grocery")
    {
        using var admin = Client(AdminKey);
        using var response = await admin.PostAsJsonAsync("/api/v1/partners", new { name, kind });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetString()!, body.GetProperty("apiKey").GetString()!);
    }

    public async Task<string> CreateHouseholderTokenAsync(string householdId)
    {
        using var admin = Client(AdminKey);
        using var response = await admin.PostAsync($"/api/v1/households/{householdId}/tokens", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task PublishAsync(string topic, string payload)
    {
        await using var gateway = await MqttTestClient.ConnectAsync(BrokerPort);
        await gateway.PublishAsync(topic, payload);
    }

    public Task PublishAsync(TelemetryEnvelope envelope) =>
        PublishAsync(
            SmartHome.Contracts.Topics.Telemetry(envelope.HouseholdId, envelope.GatewayId),
            Json(envelope));

    /// <summary>Hands a message straight to the core's ingest entry point, as the MQTT client would, and waits until it is handled.</summary>
    public Task IngestAsync(string topic, string payload) =>
        Service<IBrokerMessageHandler>().HandleAsync(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), CancellationToken.None);

    public Task IngestAsync(TelemetryEnvelope envelope) =>
        IngestAsync(SmartHome.Contracts.Topics.Telemetry(envelope.HouseholdId, envelope.GatewayId), Json(envelope));

    public static string Json(TelemetryEnvelope envelope) => JsonSerializer.Serialize(envelope, ContractsJsonContext.Default.TelemetryEnvelope);

    public async Task<JsonElement> HealthAsync()
    {
        using var client = Client();
        return await client.GetFromJsonAsync<JsonElement>("/healthz");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (ownedDatabasePath is not null)
        {
            DeleteDatabase(ownedDatabasePath);
        }
    }

    public static void DeleteDatabase(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
