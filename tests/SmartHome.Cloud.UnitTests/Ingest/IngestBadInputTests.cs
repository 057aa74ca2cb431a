using SmartHome.Cloud.Core.Serialization;
using SmartHome.Cloud.Health;
using SmartHome.Cloud.Ingest;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;

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
