using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SmartHome.Contracts;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using SmartHome.Testing;
using Xunit.Abstractions;

namespace SmartHome.IntegrationTests;

/// <summary>
/// The cloud as a real process behind a real Mosquitto, SIGKILLed in the middle of a burst of 1,000 need events for
/// a consenting household and restarted on the same SQLite file and broker session: the partner's webhook must get
/// every event at least once. Duplicates are allowed (an attempt cut off by the kill is made again) and share their
/// <c>webhook-id</c>, so the partner can drop them.
/// </summary>
public sealed class CloudKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string HouseholdId = "kill-cloud-home";
    private const string GatewayId = "kill-cloud-gw";
    private const int Envelopes = 100;
    private const int ItemsPerEnvelope = 10;
    private const int Events = Envelopes * ItemsPerEnvelope;
    private const int EnvelopesBeforeKill = 40;
    private const int DeliveriesBeforeKill = 100;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string _dataPath = Directory.CreateTempSubdirectory("shg-kill-cloud-").FullName;
    private readonly ConcurrentQueue<(string Id, string Subject)> _received = new();
    private MosquittoBroker _broker = null!;
    private LoopbackHttpServer _receiver = null!;
    private CloudProcess? _cloud;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _receiver = await LoopbackHttpServer.StartAsync(ReceiveAsync);
    }

    public async Task DisposeAsync()
    {
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }

        await _receiver.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_dataPath, recursive: true);
    }

    [Fact]
    public async Task CloudKilledMidBurst_RestartedOnSameStore_EveryEventDeliveredAtLeastOnce()
    {
        _cloud = await StartCloudAsync();
        var partnerId = await SubscribeConsentingPartnerAsync(_cloud);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        await using var gateway = await MqttTestClient.ConnectAsync(_broker.Port);

        for (var seq = 1; seq <= EnvelopesBeforeKill; seq++)
        {
            await gateway.PublishAsync(Topics.Telemetry(HouseholdId, GatewayId), Envelope(seq, tomorrow));
        }

        await Eventually.TrueAsync(() => _received.Count >= DeliveriesBeforeKill, Patience, $"{DeliveriesBeforeKill} deliveries before the kill");
        await _cloud.KillAsync();
        var beforeKill = _received.Select(r => r.Id).Distinct().Count();
        output.WriteLine($"killed after {_received.Count} webhook requests ({beforeKill} distinct events) of {Events}");

        // The rest of the burst waits in the core's persistent session at the broker while the cloud is down.
        for (var seq = EnvelopesBeforeKill + 1; seq <= Envelopes; seq++)
        {
            await gateway.PublishAsync(Topics.Telemetry(HouseholdId, GatewayId), Envelope(seq, tomorrow));
        }

        await _cloud.DisposeAsync();
        _cloud = await StartCloudAsync();
        await Eventually.TrueAsync(() => _received.Select(r => r.Id).Distinct().Count() >= Events, Patience, $"{Events} distinct webhook ids");

        var received = _received.ToArray();
        var byId = received.GroupBy(r => r.Id).ToArray();
        output.WriteLine($"partner {partnerId}: {received.Length} requests, {byId.Length} distinct webhook-ids, {received.Length - byId.Length} duplicates");
        Assert.True(beforeKill < Events, "the kill came after every event had been delivered");
        Assert.Equal(Events, byId.Length);
        Assert.All(byId, g => Assert.Single(g.Select(r => r.Subject).Distinct()));
        // Partners see each item under a pseudonym of its own: a thousand items, a thousand distinct subjects.
        Assert.Equal(Events, byId.Select(g => g.First().Subject).Distinct().Count());
        Assert.All(byId, g => Assert.Matches("^items/[0-9a-f]{20}$", g.First().Subject));
    }

    private static string ItemId(int seq, int item) => $"item-{seq}-{item}";

    private static string Envelope(int seq, DateOnly bestBefore)
    {
        var now = DateTimeOffset.UtcNow;
        var envelope = new TelemetryEnvelope
        {
            Schema = TelemetryEnvelope.SchemaV1,
            MessageId = Guid.NewGuid(),
            HouseholdId = HouseholdId,
            GatewayId = GatewayId,
            BootId = Guid.Empty,
            Seq = seq,
            SentAt = now,
            Records = [.. Enumerable.Range(1, ItemsPerEnvelope).Select(item => TelemetryRecord.From("kill-fridge", new InventoryChange
            {
                Op = InventoryOp.Added,
                ItemId = ItemId(seq, item),
                Name = "Milk",
                Category = "dairy",
                Quantity = 1,
                Unit = "l",
                BestBefore = bestBefore,
                Location = StorageLocation.Fridge,
            }, now))],
        };
        return JsonSerializer.Serialize(envelope, ContractsJsonContext.Default.TelemetryEnvelope);
    }

    private Task<CloudProcess> StartCloudAsync() => CloudProcess.StartAsync(new Dictionary<string, string>
    {
        ["SmartHome:Cloud:Broker:Embedded"] = "false",
        ["SmartHome:Cloud:Broker:Host"] = "127.0.0.1",
        ["SmartHome:Cloud:Broker:Port"] = _broker.Port.ToString(CultureInfo.InvariantCulture),
        ["SmartHome:Cloud:Broker:ClientId"] = "kill-core",
        ["SmartHome:Cloud:Storage:ConnectionString"] = $"Data Source={Path.Combine(_dataPath, "cloud.db")}",
        ["SmartHome:Cloud:Delivery:AllowPrivateNetworks"] = "true",
        ["SmartHome:Cloud:Delivery:Worker:PollInterval"] = "00:00:00.050",
        // The claims the killed process held come back once their lease ends.
        ["SmartHome:Cloud:Delivery:Worker:Lease"] = "00:00:30",
        ["SmartHome:Cloud:Rules:Interval"] = "01:00:00",
        ["Logging:LogLevel:Default"] = "Warning",
    }, Patience);

    private async Task<string> SubscribeConsentingPartnerAsync(CloudProcess cloud)
    {
        using var admin = cloud.Client(CloudProcess.AdminKey);
        using var created = await admin.PostAsJsonAsync("api/v1/partners", new { name = "KillMart", kind = "recipe" });
        created.EnsureSuccessStatusCode();
        var partner = await created.Content.ReadFromJsonAsync<JsonElement>();
        var partnerId = partner.GetProperty("id").GetString()!;
        using var asPartner = cloud.Client(partner.GetProperty("apiKey").GetString()!);
        using var subscribed = await asPartner.PostAsJsonAsync("api/v1/subscriptions", new
        {
            types = new[] { "shg.food.expiring.v1" },
            webhook = new { url = new Uri(_receiver.BaseAddress, "/hooks/kill").ToString() },
        });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);

        using var householdToken = await admin.PostAsync(new Uri($"api/v1/households/{HouseholdId}/tokens", UriKind.Relative), null);
        householdToken.EnsureSuccessStatusCode();
        using var householder = cloud.Client((await householdToken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        using var consented = await householder.PutAsJsonAsync($"api/v1/household/consents/{partnerId}", new { types = new[] { "shg.food.*" } });
        consented.EnsureSuccessStatusCode();
        return partnerId;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.Headers["WebHook-Allowed-Origin"] = context.Request.Headers["WebHook-Request-Origin"];
            return;
        }

        var cloudEvent = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        _received.Enqueue((context.Request.Headers["webhook-id"].ToString(), cloudEvent.GetProperty("subject").GetString()!));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
