using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Health;
using SmartHome.Cloud.Ingest;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;

namespace SmartHome.Cloud.UnitTests.Ingest;

/// <summary>Gaps and dedupe of a gateway's envelope seqs, through the ingest entry point.</summary>
public sealed class IngestSeqTests
{
    [Fact]
    public async Task HandleAsync_AHoleOpenLongerThanGapReportAfter_ShowsInHealthAndTwinThenClosesWhenFilled()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CloudTestHost.StartAsync(s => s["SmartHome:Cloud:Core:GapReportAfter"] = "00:10:00", time);
        using var householder = host.Client(await host.CreateHouseholderTokenAsync("home-gap"));
        await host.IngestAsync(Envelope("home-gap", 1));
        await host.IngestAsync(Envelope("home-gap", 3));

        time.Advance(TimeSpan.FromMinutes(11));
        await host.IngestAsync(Envelope("home-gap", 4));

        var gateway = (await householder.GetFromJsonAsync<JsonElement>("/api/v1/household")).GetProperty("gateways")[0];
        var gap = gateway.GetProperty("gaps")[0];
        Assert.Equal((2, 2, true), (gap.GetProperty("from").GetInt64(), gap.GetProperty("to").GetInt64(), gap.GetProperty("overdue").GetBoolean()));
        Assert.Equal(1, gateway.GetProperty("missingSeqs").GetInt64());
        Assert.Equal(1, (await host.HealthAsync()).GetProperty("ingest").GetProperty("gapsOverdue").GetInt64());

        await host.IngestAsync(Envelope("home-gap", 2));

        gateway = (await householder.GetFromJsonAsync<JsonElement>("/api/v1/household")).GetProperty("gateways")[0];
        Assert.Equal(0, gateway.GetProperty("gaps").GetArrayLength());
        Assert.Equal(0, gateway.GetProperty("missingSeqs").GetInt64());
        Assert.Equal(4, host.Service<CloudCounters>().EnvelopesAccepted);
    }

    [Fact]
    public async Task HandleAsync_AfterARestartOnTheSameStore_ResendIsADuplicateAndAReusedSeqAReplay()
    {
        var databasePath = CloudTestHost.NewDatabasePath();
        try
        {
            var envelope = Envelope("home-restart", 5);
            await using (var first = await CloudTestHost.StartAsync(databasePath: databasePath))
            {
                await first.IngestAsync(envelope);
                Assert.Equal(1, first.Service<CloudCounters>().EnvelopesAccepted);
            }

            await using var second = await CloudTestHost.StartAsync(databasePath: databasePath);
            await second.IngestAsync(envelope);
            await second.IngestAsync(Envelope("home-restart", 5));

            var counters = second.Service<CloudCounters>();
            Assert.Equal(0, counters.EnvelopesAccepted);
            Assert.Equal(1, counters.RejectedWith(RejectionCodes.Duplicate));
            Assert.Equal(1, counters.RejectedWith(TelemetryIngest.Replay));
        }
        finally
        {
            CloudTestHost.DeleteDatabase(databasePath);
        }
    }

    private static TelemetryEnvelope Envelope(string householdId, long seq) =>
        TestEnvelopes.Envelope(householdId, seq, TestEnvelopes.Temperature(4));
}
