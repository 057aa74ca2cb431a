using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Health;
using SmartHome.Cloud.Ingest;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts.Events;
using SmartHome.FirmwareSim.Scenarios;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Core.Simulated;

/// <summary>
/// <see cref="OutboxReplayScenarioTests"/> end to end: the cloud host takes Tuesday's envelopes live, one at a time at
/// their arrival, and then Monday's backlog in one burst over its broker, with their old seqs; its stored twin and
/// events are compared with the core's in-order play. The fridge reports every 5 minutes, to keep the envelopes few.
/// </summary>
public sealed class OutboxReplayThroughCloudTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task YesterdaysBacklogOverTheBroker_AfterTodaysLiveEnvelopes_IsStoredAsTheCorePlaysItInOrder()
    {
        var shipped = ScenarioLibrary.Shipped.Find("power-outage");
        var envelopes = SimulatedTelemetry.Envelopes(shipped with { Fridge = new ScenarioFridge(TemperatureInterval: TimeSpan.FromMinutes(5)) }, until: TimeSpan.FromDays(2));
        var late = SimulatedTelemetry.OutboxReplayedAfter(envelopes, OutboxReplayScenarioTests.Tuesday);
        var live = late.TakeWhile(e => e.Envelope.Records[0].At >= OutboxReplayScenarioTests.Tuesday).ToList();
        var backlog = late[live.Count..];
        var databasePath = CloudTestHost.NewDatabasePath();
        try
        {
            // No periodic rules round: one the clock set off during the live day could still be running when the burst
            // comes and judge the backlog part-way (docs/architecture.md). Each envelope runs the time-driven rules itself.
            var time = new FakeTimeProvider(OutboxReplayScenarioTests.Tuesday.AddMinutes(-30));
            await using var host = await CloudTestHost.StartAsync(time: time, databasePath: databasePath, services: WithoutRulesTicker);
            var counters = host.Service<CloudCounters>();
            foreach (var (envelope, arrivesAt) in live)
            {
                time.SetUtcNow(arrivesAt);
                await host.IngestAsync(envelope);
            }

            time.SetUtcNow(backlog[0].ArrivesAt);
            await using (var gateway = await MqttTestClient.ConnectAsync(host.BrokerPort))
            {
                foreach (var (envelope, _) in backlog)
                {
                    await gateway.PublishAsync(SmartHome.Contracts.Topics.Telemetry(envelope.HouseholdId, envelope.GatewayId), CloudTestHost.Json(envelope));
                }
            }

            await Eventually.TrueAsync(() => counters.EnvelopesAccepted == late.Count, Timeout, $"{late.Count} envelopes accepted");
            var twin = await host.Service<HouseholdStore>().FindTwinAsync(TestTelemetry.HouseholdId, CancellationToken.None);
            var stored = await StoredEventsAsync(databasePath);

            var inOrder = new ScenarioRun().Play(envelopes).EvaluateAt(backlog[0].ArrivesAt);
            OutboxReplayScenarioTests.AssertSameApartFromWarningsThatCameTooLate(inOrder, twin!, stored, backlog[0].ArrivesAt);
            Assert.Contains(stored, e => e.Type == NeedEventTypes.FoodUnsafe);
        }
        finally
        {
            CloudTestHost.DeleteDatabase(databasePath);
        }
    }

    private static void WithoutRulesTicker(IServiceCollection services) =>
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(RulesTicker)));

    private static async Task<List<NeedEvent>> StoredEventsAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, household_id, type, subject, time, data_json FROM events";
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<NeedEvent>();
        while (await reader.ReadAsync())
        {
            events.Add(new NeedEvent
            {
                Id = reader.GetString(0),
                HouseholdId = reader.GetString(1),
                Type = reader.GetString(2),
                Subject = reader.IsDBNull(3) ? null : reader.GetString(3),
                Time = DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                Data = JsonElement.Parse(reader.GetString(5)),
            });
        }

        return events;
    }
}
