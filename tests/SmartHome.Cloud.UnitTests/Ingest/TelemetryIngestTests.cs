using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Cloud.Health;
using SmartHome.Cloud.Ingest;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Validation;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Ingest;

public sealed class TelemetryIngestTests : IAsyncLifetime
{
    private CloudTestHost sut = null!;

    public async Task InitializeAsync() => sut = await CloudTestHost.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Fact]
    public async Task ValidEnvelope_UpdatesTheTwin()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-a"));

        await sut.PublishAsync(TestEnvelopes.Envelope("home-a", 1, TestEnvelopes.Added("milk-1", "Milk"), TestEnvelopes.Temperature(3.9)));

        var twin = await Wait.ForJsonAsync(() => TwinWithItemAsync(householder, "milk-1"), "the item in the twin");
        Assert.Equal("home-a", twin.GetProperty("householdId").GetString());
        Assert.Equal(TestEnvelopes.GatewayId, twin.GetProperty("gateways")[0].GetProperty("gatewayId").GetString());
        Assert.Equal(1, sut.Service<CloudCounters>().EnvelopesAccepted);
    }

    [Fact]
    public async Task DuplicateSeq_ResendIsIgnoredAndCountedAndAnotherMessageOnTheSeqIsAReplay()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-b"));
        var milk = TestEnvelopes.Envelope("home-b", 7, TestEnvelopes.Added("milk-1", "Milk"));
        await sut.PublishAsync(milk);
        await sut.PublishAsync(milk);
        await sut.PublishAsync(TestEnvelopes.Envelope("home-b", 7, TestEnvelopes.Added("butter-1", "Butter")));
        await sut.PublishAsync(TestEnvelopes.Envelope("home-b", 8, TestEnvelopes.Added("eggs-1", "Eggs")));

        var twin = await Wait.ForJsonAsync(() => TwinWithItemAsync(householder, "eggs-1"), "the envelope after the duplicate");

        Assert.DoesNotContain(twin.GetProperty("inventory").EnumerateArray(), i => i.GetProperty("itemId").GetString() == "butter-1");
        var counters = sut.Service<CloudCounters>();
        Assert.Equal(1, counters.RejectedWith(RejectionCodes.Duplicate));
        Assert.Equal(1, counters.RejectedWith(TelemetryIngest.Replay));
        Assert.Equal(2, counters.EnvelopesAccepted);
        Assert.Equal(1, (await sut.HealthAsync()).GetProperty("ingest").GetProperty("duplicates").GetInt64());
    }

    [Fact]
    public async Task SeqOutOfOrder_LiveBeforeReplayedBacklogAndAResend_EachAppliedOnceAndLastSeqIsTheHighest()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-o"));
        var live = TestEnvelopes.Envelope("home-o", 12, TestEnvelopes.Added("eggs-1", "Eggs"));
        await sut.PublishAsync(live);
        await sut.PublishAsync(TestEnvelopes.Envelope("home-o", 10, TestEnvelopes.Added("milk-1", "Milk")));
        await sut.PublishAsync(live);
        await sut.PublishAsync(TestEnvelopes.Envelope("home-o", 11, TestEnvelopes.Added("cheese-1", "Cheese")));

        var twin = await Wait.ForJsonAsync(() => TwinWithItemAsync(householder, "cheese-1"), "the last replayed envelope");

        Assert.Equal(
            ["cheese-1", "eggs-1", "milk-1"],
            twin.GetProperty("inventory").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(12, twin.GetProperty("gateways")[0].GetProperty("lastSeq").GetInt64());
        Assert.Equal(0, twin.GetProperty("gateways")[0].GetProperty("gaps").GetArrayLength());
        var counters = sut.Service<CloudCounters>();
        Assert.Equal(1, counters.RejectedWith(RejectionCodes.Duplicate));
        Assert.Equal(3, counters.EnvelopesAccepted);
    }

    [Fact]
    public async Task SeqHole_ShowsInTheTwinUntilTheLateEnvelopeFillsIt()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-h"));
        await sut.PublishAsync(TestEnvelopes.Envelope("home-h", 1, TestEnvelopes.Added("milk-1", "Milk")));
        await sut.PublishAsync(TestEnvelopes.Envelope("home-h", 3, TestEnvelopes.Added("eggs-1", "Eggs")));

        var twin = await Wait.ForJsonAsync(() => TwinWithItemAsync(householder, "eggs-1"), "the envelope after the hole");
        var gap = twin.GetProperty("gateways")[0].GetProperty("gaps")[0];
        Assert.Equal((2, 2), (gap.GetProperty("from").GetInt64(), gap.GetProperty("to").GetInt64()));

        await sut.PublishAsync(TestEnvelopes.Envelope("home-h", 2, TestEnvelopes.Added("cheese-1", "Cheese")));

        twin = await Wait.ForJsonAsync(() => TwinWithItemAsync(householder, "cheese-1"), "the late envelope");
        Assert.Equal(0, twin.GetProperty("gateways")[0].GetProperty("gaps").GetArrayLength());
    }

    [Fact]
    public async Task BadMessages_AreCountedByCodeAndIngestGoesOn()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-c"));
        var wrongSchema = JsonSerializer.Serialize(
            TestEnvelopes.Envelope("home-c", 1, TestEnvelopes.Temperature(4)) with { Schema = "shg.telemetry.v9" },
            ContractsJsonContext.Default.TelemetryEnvelope);
        var otherHousehold = JsonSerializer.Serialize(TestEnvelopes.Envelope("home-x", 2, TestEnvelopes.Temperature(4)), ContractsJsonContext.Default.TelemetryEnvelope);
        var invalidRecord = JsonSerializer.Serialize(TestEnvelopes.Envelope("home-c", 3, TestEnvelopes.Temperature(400)), ContractsJsonContext.Default.TelemetryEnvelope);

        await sut.PublishAsync(Topics.Telemetry("home-c", TestEnvelopes.GatewayId), "{ not json");
        await sut.PublishAsync(Topics.Telemetry("home-c", TestEnvelopes.GatewayId), wrongSchema);
        await sut.PublishAsync(Topics.Telemetry("home-c", TestEnvelopes.GatewayId), otherHousehold);
        await sut.PublishAsync(Topics.Telemetry("home-c", TestEnvelopes.GatewayId), invalidRecord);
        await sut.PublishAsync(TestEnvelopes.Envelope("home-c", 4, TestEnvelopes.Added("milk-1", "Milk")));

        await Wait.ForJsonAsync(() => TwinWithItemAsync(householder, "milk-1"), "the valid envelope after the bad ones");
        var rejected = (await sut.HealthAsync()).GetProperty("ingest").GetProperty("rejected");
        Assert.Equal(1, rejected.GetProperty(RejectionCodes.MalformedJson).GetInt64());
        Assert.Equal(1, rejected.GetProperty(RejectionCodes.WrongSchema).GetInt64());
        Assert.Equal(1, rejected.GetProperty(RejectionCodes.TopicMismatch).GetInt64());
        Assert.Equal(1, rejected.GetProperty(RejectionCodes.InvalidField).GetInt64());
    }

    [Fact]
    public async Task GatewayStatus_IsAppliedToTheTwin()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-d"));

        await sut.PublishAsync(Topics.GatewayStatus("home-d", "gw-9"), """{"state":"online","bootId":"6c1f8f0e-2b7a-4f7e-9d55-0a4c1b2e3f40","version":"1.0.0"}""");

        var gateway = await Wait.ForJsonAsync(
            async () =>
            {
                var twin = await householder.GetFromJsonAsync<JsonElement>("/api/v1/household");
                return twin.GetProperty("gateways").EnumerateArray().FirstOrDefault(g => g.GetProperty("gatewayId").GetString() == "gw-9") is { ValueKind: JsonValueKind.Object } found
                    ? (JsonElement?)found
                    : null;
            },
            "the gateway in the twin");
        Assert.Equal("online", gateway.GetProperty("state").GetString());
        Assert.Equal(1, sut.Service<CloudCounters>().StatusesAccepted);
    }

    [Fact]
    public async Task GatewayStatus_Malformed_IsCountedAndDropped()
    {
        await sut.PublishAsync(Topics.GatewayStatus("home-e", "gw-1"), "{\"state\":\"sleeping\"}");

        await Eventually.TrueAsync(() => sut.Service<CloudCounters>().RejectedWith(RejectionCodes.MalformedJson) == 1, Wait.Timeout, "the rejection");
    }

    private static async Task<JsonElement?> TwinWithItemAsync(HttpClient householder, string itemId)
    {
        var twin = await householder.GetFromJsonAsync<JsonElement>("/api/v1/household");
        return twin.GetProperty("inventory").EnumerateArray().Any(i => i.GetProperty("itemId").GetString() == itemId) ? twin : null;
    }
}
