using SmartHome.Cloud.Core.Serialization;
using SmartHome.Cloud.Health;
using SmartHome.Cloud.Ingest;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Ingest;

/// <summary>Bad uplink messages handed straight to the ingest entry point: each counted under its code, nothing else changed.</summary>
public sealed class IngestBadInputTests : IAsyncLifetime
{
    private const string Household = "home-bad";
    private static readonly string Topic = Topics.Telemetry(Household, TestEnvelopes.GatewayId);
    private CloudTestHost host = null!;

    public async Task InitializeAsync()
    {
        host = await CloudTestHost.StartAsync();
        await HandleAsync(Topic, Json(TestEnvelopes.Envelope(Household, 1, TestEnvelopes.Added("milk-1", "Milk"))));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    public static TheoryData<string, string> BadEnvelopes => new()
    {
        { RejectionCodes.MalformedJson, "{ not json" },
        { RejectionCodes.MalformedJson, Json(TestEnvelopes.Envelope(Household, 2, TestEnvelopes.Added("eggs-1", "Eggs"))).Replace("\"quantity\":1", "\"quantity\":NaN", StringComparison.Ordinal) },
        { RejectionCodes.WrongSchema, Json(TestEnvelopes.Envelope(Household, 2, TestEnvelopes.Added("eggs-1", "Eggs")) with { Schema = "shg.telemetry.v9" }) },
        { RejectionCodes.TopicMismatch, Json(TestEnvelopes.Envelope("home-other", 2, TestEnvelopes.Added("eggs-1", "Eggs"))) },
        { RejectionCodes.TopicMismatch, Json(TestEnvelopes.Envelope(Household, 2, TestEnvelopes.Added("eggs-1", "Eggs")) with { GatewayId = "gw-other" }) },
        { RejectionCodes.InvalidField, Json(TestEnvelopes.Envelope(Household, 2, TestEnvelopes.Added("eggs-1", "Eggs"), TestEnvelopes.Temperature(500))) },
        { RejectionCodes.InvalidField, Json(TestEnvelopes.Envelope(Household, -2, TestEnvelopes.Added("eggs-1", "Eggs"))) },
        { RejectionCodes.InvalidField, Json(TestEnvelopes.Envelope(Household, 2)) },
    };

    [Theory]
    [MemberData(nameof(BadEnvelopes))]
    public async Task HandleAsync_BadEnvelope_IsCountedUnderItsCodeAndChangesNothing(string code, string payload)
    {
        var counters = host.Service<CloudCounters>();
        var before = await TwinJsonAsync();

        await HandleAsync(Topic, payload);

        Assert.Equal(1, counters.RejectedWith(code));
        Assert.Equal(1, counters.Rejected.Values.Sum());
        Assert.Equal(before, await TwinJsonAsync());
        await AssertSeqTwoStillFreeAsync();
    }

    [Fact]
    public async Task HandleAsync_TooLarge_IsCountedAndChangesNothing()
    {
        var before = await TwinJsonAsync();

        await HandleAsync(Topic, new string(' ', TelemetryEnvelopeValidator.MaxPayloadBytes + 1));

        Assert.Equal(1, host.Service<CloudCounters>().RejectedWith(RejectionCodes.TooLarge));
        Assert.Equal(before, await TwinJsonAsync());
    }

    [Fact]
    public async Task HandleAsync_SeqReusedWithAnotherMessageId_IsCountedAsReplayAndChangesNothing()
    {
        var counters = host.Service<CloudCounters>();
        var before = await TwinJsonAsync();

        await HandleAsync(Topic, Json(TestEnvelopes.Envelope(Household, 1, TestEnvelopes.Added("eggs-1", "Eggs"))));

        Assert.Equal(1, counters.RejectedWith(TelemetryIngest.Replay));
        Assert.Equal(0, counters.RejectedWith(RejectionCodes.Duplicate));
        Assert.Equal(before, await TwinJsonAsync());
        var health = await host.HealthAsync();
        Assert.Equal(1, health.GetProperty("ingest").GetProperty("rejected").GetProperty(TelemetryIngest.Replay).GetInt64());
    }

    [Fact]
    public async Task HandleAsync_SameEnvelopeAgain_IsADuplicateNotAReplay()
    {
        var counters = host.Service<CloudCounters>();
        var envelope = Json(TestEnvelopes.Envelope(Household, 2, TestEnvelopes.Added("eggs-1", "Eggs")));
        await HandleAsync(Topic, envelope);
        var before = await TwinJsonAsync();

        await HandleAsync(Topic, envelope);

        Assert.Equal(1, counters.RejectedWith(RejectionCodes.Duplicate));
        Assert.Equal(0, counters.RejectedWith(TelemetryIngest.Replay));
        Assert.Equal(before, await TwinJsonAsync());
    }

    /// <summary>
    /// Issue 5's list of bad input, published by one gateway on one MQTT connection: each is counted under its own reason
    /// in /healthz, the twin stays as it was, and the connection's next good envelope is applied.
    /// </summary>
    [Fact]
    public async Task Publish_EveryKindOfBadEnvelopeOnOneConnection_EachCountedInHealthzAndTheNextGoodOneApplied()
    {
        var eggs = Json(TestEnvelopes.Envelope(Household, 2, TestEnvelopes.Added("eggs-1", "Eggs")));
        var cold = Json(TestEnvelopes.Envelope(Household, 2, TestEnvelopes.Temperature(4)));
        var bad = new (string Code, string Payload)[]
        {
            (RejectionCodes.MalformedJson, "{ not json"),
            (RejectionCodes.TooLarge, new string(' ', TelemetryEnvelopeValidator.MaxPayloadBytes + 1)),
            (RejectionCodes.WrongSchema, eggs.Replace(TelemetryEnvelope.SchemaV1, "shg.telemetry.v9", StringComparison.Ordinal)),
            (RejectionCodes.TopicMismatch, Json(TestEnvelopes.Envelope("home-other", 2, TestEnvelopes.Added("eggs-1", "Eggs")))),
            (RejectionCodes.MalformedJson, cold.Replace("\"celsius\":4", "\"celsius\":NaN", StringComparison.Ordinal)),
            (RejectionCodes.MalformedJson, cold.Replace("\"celsius\":4", "\"celsius\":\"NaN\"", StringComparison.Ordinal)),
            // Too big for a double, it reads as infinity: an impossible temperature.
            (RejectionCodes.InvalidField, cold.Replace("\"celsius\":4", "\"celsius\":1e999", StringComparison.Ordinal)),
            (RejectionCodes.InvalidField, Json(TestEnvelopes.Envelope(Household, 2, TestEnvelopes.Temperature(500)))),
            (TelemetryIngest.Replay, Json(TestEnvelopes.Envelope(Household, 1, TestEnvelopes.Added("eggs-1", "Eggs")))),
        };
        Assert.All(bad.Skip(4).Take(3), b => Assert.NotEqual(cold, b.Payload));
        var before = await TwinJsonAsync();
        await using var gateway = await MqttTestClient.ConnectAsync(host.BrokerPort);

        foreach (var (_, payload) in bad)
        {
            await gateway.PublishAsync(Topic, payload);
        }

        var counters = host.Service<CloudCounters>();
        await Eventually.TrueAsync(() => counters.Rejected.Values.Sum() == bad.Length, Wait.Timeout, "every bad envelope handled");
        Assert.Equal(before, await TwinJsonAsync());
        await gateway.PublishAsync(Topic, eggs);
        await Eventually.TrueAsync(() => counters.EnvelopesAccepted == 2, Wait.Timeout, "the good envelope after the bad ones");
        var twin = (await host.Service<HouseholdStore>().FindTwinAsync(Household, CancellationToken.None))!;
        Assert.Equal(["milk-1", "eggs-1"], twin.Inventory.Select(i => i.ItemId));
        Assert.Empty(twin.Appliances.SelectMany(a => a.Compartments));
        var rejected = (await host.HealthAsync()).GetProperty("ingest").GetProperty("rejected");
        foreach (var group in bad.GroupBy(b => b.Code))
        {
            Assert.Equal(group.Count(), rejected.GetProperty(group.Key).GetInt64());
        }
    }

    private static string Json(TelemetryEnvelope envelope) => CloudTestHost.Json(envelope);

    private Task HandleAsync(string topic, string payload) => host.IngestAsync(topic, payload);

    private async Task<string> TwinJsonAsync() =>
        TwinSerializer.Serialize((await host.Service<HouseholdStore>().FindTwinAsync(Household, CancellationToken.None))!);

    /// <summary>A rejected envelope must not leave its dedupe mark: the gateway's real seq 2 still gets in.</summary>
    private async Task AssertSeqTwoStillFreeAsync()
    {
        await HandleAsync(Topic, Json(TestEnvelopes.Envelope(Household, 2, TestEnvelopes.Added("eggs-1", "Eggs"))));
        Assert.Equal(2, host.Service<CloudCounters>().EnvelopesAccepted);
    }
}
