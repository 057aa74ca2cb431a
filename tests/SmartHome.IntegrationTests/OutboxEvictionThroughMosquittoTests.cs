using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Contracts;
using SmartHome.Testing;

namespace SmartHome.IntegrationTests;

/// <summary>A gateway with the smallest outbox allowed fills it during a broker outage, and evicts by class.</summary>
public sealed class OutboxEvictionThroughMosquittoTests : IAsyncLifetime
{
    private const string HouseholdId = "it-full";
    private const string GatewayId = "it-full-gw";
    private const int Temperatures = 3_000;
    private const int Doors = 30;
    private const int Items = 30;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private MosquittoDeployment _deployment = null!;

    public async Task InitializeAsync() => _deployment = await MosquittoDeployment.StartAsync(HouseholdId, GatewayId, new Dictionary<string, string?> { ["SmartHome:Gateway:Outbox:MaxBytes"] = (1 << 20).ToString(CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task OutboxFull_DuringBrokerOutage_DeliversEveryDoorAndItemAndTemperatureRolledUp()
    {
        using var householder = _deployment.Cloud.Client(await _deployment.Cloud.CreateHouseholdTokenAsync(HouseholdId));
        using var http = new HttpClient();
        await _deployment.Broker.StopAsync();
        await using (var appliance = await MqttTestClient.ConnectAsync(_deployment.Gateway.ApplianceLinkPort))
        {
            await PublishReadingsAsync(appliance);
        }

        await Eventually.TrueAsync(
            async () => (await GatewayOutboxAsync(http)).GetProperty("bytesOnDisk").GetInt64() <= 1 << 20, Patience, "the outbox to evict down to its limit");
        await _deployment.Broker.StartAsync();
        var outbox = await Eventually.GetValueAsync(async () =>
        {
            var outbox = await GatewayOutboxAsync(http);
            return outbox.GetProperty("pendingEnvelopes").GetInt64() == 0 ? outbox : (JsonElement?)null;
        }, Patience, "the backlog to be delivered");

        // Nothing but temperature was evicted, and only by rolling it up: every reading is in a record the cloud got.
        var evictions = outbox.GetProperty("evictions");
        var rolledUp = evictions.GetProperty("temperatureRolledUp").GetInt64();
        Assert.True(rolledUp > 0);
        Assert.Equal((0L, 0L, 0L), (evictions.GetProperty("temperatureDropped").GetInt64(), evictions.GetProperty("otherDropped").GetInt64(), evictions.GetProperty("ageExpired").GetInt64()));
        var uplink = (await http.GetFromJsonAsync<JsonElement>(_deployment.Gateway.HealthAddress)).GetProperty("uplink");
        Assert.InRange(uplink.GetProperty("publishedRecords").GetInt64(), Doors + Items + 1, Temperatures + Doors + Items - (rolledUp / 2));

        var ingest = await Eventually.GetValueAsync(async () =>
        {
            var ingest = (await http.GetFromJsonAsync<JsonElement>(new Uri(_deployment.Cloud.Address, "healthz"))).GetProperty("ingest");
            return ingest.GetProperty("envelopesAccepted").GetInt64() >= uplink.GetProperty("publishedEnvelopes").GetInt64() ? ingest : (JsonElement?)null;
        }, Patience, "the cloud to ingest every envelope");
        Assert.Empty(ingest.GetProperty("rejected").EnumerateObject());
        var twin = await householder.GetStringAsync("api/v1/household");
        Assert.All(Enumerable.Range(0, Items), i => Assert.Contains($"\"it-item-{i}\"", twin, StringComparison.Ordinal));
    }

    private async Task<JsonElement> GatewayOutboxAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>(_deployment.Gateway.HealthAddress)).GetProperty("outbox");

    /// <summary>One reading a second over 50 min, with door and inventory records among them, sent in bursts.</summary>
    private static async Task PublishReadingsAsync(MqttTestClient appliance)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-4);
        var messages = new List<(string Topic, string Payload)>();
        for (var i = 0; i < Temperatures; i++)
        {
            var at = start.AddSeconds(i).ToString("O", CultureInfo.InvariantCulture);
            messages.Add((Topics.ApplianceTemperature("it-fridge"), $$"""{"sensor":"fridge","celsius":{{(3 + (i % 10 / 10.0)).ToString(CultureInfo.InvariantCulture)}},"at":"{{at}}"}"""));
            if (i % (Temperatures / Doors) == 0)
            {
                messages.Add((Topics.ApplianceDoor("it-fridge"), $$"""{"door":"main","state":"{{(i / (Temperatures / Doors) % 2 == 0 ? "open" : "closed")}}","at":"{{at}}"}"""));
            }

            if (i % (Temperatures / Items) == 1)
            {
                var item = i / (Temperatures / Items);
                messages.Add((Topics.ApplianceInventory("it-fridge"), $$"""{"op":"added","itemId":"it-item-{{item}}","name":"Item {{item}}","category":"dairy","quantity":1,"location":"fridge","at":"{{at}}"}"""));
            }
        }

        foreach (var burst in messages.Chunk(200))
        {
            await Task.WhenAll(burst.Select(message => appliance.PublishAsync(message.Topic, message.Payload)));
        }
    }
}
