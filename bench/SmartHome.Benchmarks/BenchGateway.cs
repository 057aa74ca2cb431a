using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Testing;

namespace SmartHome.Benchmarks;

/// <summary>The built gateway as a process with a fresh outbox, its uplink to the benchmark's Mosquitto, connected.</summary>
internal sealed class BenchGateway : IAsyncDisposable
{
    public const string HouseholdId = "bench";
    private readonly HttpClient _http = new();
    private readonly string _outboxPath;

    private BenchGateway(GatewayProcess process, string outboxPath)
    {
        Process = process;
        _outboxPath = outboxPath;
    }

    public GatewayProcess Process { get; }

    public static async Task<BenchGateway> StartAsync(MosquittoBroker broker, string gatewayId)
    {
        var outboxPath = Directory.CreateTempSubdirectory("shg-bench-outbox-").FullName;
        var process = await GatewayProcess.StartAsync(new Dictionary<string, string>
        {
            ["SmartHome:Gateway:HouseholdId"] = HouseholdId,
            ["SmartHome:Gateway:GatewayId"] = gatewayId,
            ["SmartHome:Gateway:Uplink:Host"] = "127.0.0.1",
            ["SmartHome:Gateway:Uplink:Port"] = broker.Port.ToString(),
            ["SmartHome:Gateway:Outbox:Path"] = outboxPath,
        });
        var gateway = new BenchGateway(process, outboxPath);
        await Poll.UntilAsync(async () => await gateway.TryHealthAsync() is { Uplink.State: "connected" }, "the gateway's uplink to connect");
        return gateway;
    }

    /// <summary>The gateway's health, or null while its health endpoint is not listening yet.</summary>
    public async Task<GatewayHealth?> TryHealthAsync()
    {
        try
        {
            return await HealthAsync();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public async Task<GatewayHealth> HealthAsync()
    {
        var health = await _http.GetFromJsonAsync<JsonElement>(Process.HealthAddress);
        var uplink = health.GetProperty("uplink");
        var connectedSince = uplink.GetProperty("connectedSince");
        return new(
            new(uplink.GetProperty("state").GetString()!, connectedSince.ValueKind == JsonValueKind.Null ? null : connectedSince.GetDateTimeOffset()),
            health.GetProperty("outbox").GetProperty("pendingRecords").GetInt64());
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        _http.Dispose();
        Directory.Delete(_outboxPath, recursive: true);
    }
}

internal sealed record GatewayHealth(UplinkHealth Uplink, long PendingRecords);

internal sealed record UplinkHealth(string State, DateTimeOffset? ConnectedSince);
