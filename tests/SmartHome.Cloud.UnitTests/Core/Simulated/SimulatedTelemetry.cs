using System.Text;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Notifications;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;
using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.Cloud.UnitTests.Core.Simulated;

/// <summary>An envelope of a simulated gateway, and when it reaches the cloud.</summary>
internal sealed record SimulatedEnvelope(TelemetryEnvelope Envelope, DateTimeOffset ArrivesAt);

/// <summary>
/// The core fed envelopes as the host feeds it: each applied at its arrival time, in the order played, then the
/// householder's daily digest if one is due. Play in parts to look at the twin in between.
/// </summary>
internal sealed class ScenarioRun
{
    private readonly FakeTimeProvider _time = new(SimulatedTelemetry.Monday);
    private readonly HouseholdEngine _core;

    public ScenarioRun(CoreOptions? options = null) => _core = TestTelemetry.Engine(_time, options);

    public HouseholdTwin Twin { get; } = TestTelemetry.NewTwin();

    public List<NeedEvent> Events { get; } = [];

    public List<HouseholdNotification> Notifications { get; } = [];

    public ScenarioRun Play(IEnumerable<SimulatedEnvelope> envelopes)
    {
        foreach (var (envelope, arrivesAt) in envelopes)
        {
            Advance(arrivesAt);
            Events.AddRange(_core.Apply(Twin, envelope));
            ComposeDigest();
        }

        return this;
    }

    /// <summary>The time-driven rules at <paramref name="now"/>, as the host's rules ticker runs them.</summary>
    public ScenarioRun EvaluateAt(DateTimeOffset now)
    {
        Advance(now);
        Events.AddRange(_core.Evaluate(Twin, now));
        ComposeDigest();
        return this;
    }

    private void Advance(DateTimeOffset to)
    {
        if (to > _time.GetUtcNow())
        {
            _time.SetUtcNow(to);
        }
    }

    private void ComposeDigest()
    {
        if (ExpiringDigest.ComposeIfDue(Twin, _time.GetUtcNow()) is { } digest)
        {
            Notifications.Add(digest);
        }
    }
}

/// <summary>
/// The firmware simulator's shipped scenarios as a gateway sends them to the cloud, from Monday 16 November 2026,
/// 00:00 UTC, with each file's seed: the appliance's records batched an envelope a minute, seqs from 1, each arriving
/// a second after its newest record.
/// </summary>
internal static class SimulatedTelemetry
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan BatchSpan = TimeSpan.FromMinutes(1);

    /// <summary>The scenario's envelopes whose records are older than <paramref name="until"/> (its whole run by default).</summary>
    public static List<SimulatedEnvelope> Envelopes(string scenarioName, TimeSpan? until = null) =>
        Envelopes(ScenarioLibrary.Shipped.Find(scenarioName), until);

    /// <inheritdoc cref="Envelopes(string, TimeSpan?)"/>
    public static List<SimulatedEnvelope> Envelopes(Scenario scenario, TimeSpan? until = null)
    {
        var end = Monday + (until ?? scenario.Duration);
        var envelopes = new List<SimulatedEnvelope>();
        var batch = new List<TelemetryRecord>();
        foreach (var message in new ScenarioEngine(scenario, scenario.Seed, Monday).Play().Steps.OfType<MessageStep>().Select(s => s.Message))
        {
            if (batch.Count > 0 && (message.At - batch[0].At >= BatchSpan || message.At >= end))
            {
                envelopes.Add(Seal(batch, envelopes.Count + 1));
                batch.Clear();
            }

            if (message.At >= end)
            {
                break;
            }

            if (ApplianceMessageReader.Read(message.Topic, Encoding.UTF8.GetBytes(message.Payload), message.At).Record is { } record)
            {
                batch.Add(record with { Appliance = TestTelemetry.ApplianceId });
            }
        }

        if (batch.Count > 0)
        {
            envelopes.Add(Seal(batch, envelopes.Count + 1));
        }

        return envelopes;
    }

    /// <summary>The good temperature readings of a compartment's sensor in the envelopes, oldest first.</summary>
    public static List<(DateTimeOffset At, double Celsius)> Readings(IEnumerable<SimulatedEnvelope> envelopes, string sensor) =>
        [.. envelopes.SelectMany(e => e.Envelope.Records)
            .Where(r => r.Kind == RecordKind.Temperature && r.Sensor == sensor && r.Quality == RecordQuality.Good)
            .OrderBy(r => r.At)
            .Select(r => (r.At, r.Celsius!.Value))];

    /// <summary>The shipped scenario played in order.</summary>
    public static ScenarioRun Play(string scenarioName) => new ScenarioRun().Play(Envelopes(scenarioName));

    /// <summary>
    /// The envelopes as a gateway delivers them after an outage of its uplink that lasted until
    /// <paramref name="liveFrom"/>: the live ones (records from then on) as they come, and the older ones, kept in its
    /// outbox, only after them, a tenth of a second apart from a minute after the last live one, with their old seqs
    /// and their records marked historical.
    /// </summary>
    public static List<SimulatedEnvelope> OutboxReplayedAfter(List<SimulatedEnvelope> envelopes, DateTimeOffset liveFrom)
    {
        var live = envelopes.Where(e => e.Envelope.Records[0].At >= liveFrom).ToList();
        var replayFrom = live[^1].ArrivesAt + TimeSpan.FromMinutes(1);
        var kept = envelopes.Where(e => e.Envelope.Records[0].At < liveFrom).Select((e, i) => new SimulatedEnvelope(
            e.Envelope with { Records = [.. e.Envelope.Records.Select(r => r with { Historical = true })] },
            replayFrom + (TimeSpan.FromMilliseconds(100) * i)));
        return [.. live, .. kept];
    }

    private static SimulatedEnvelope Seal(List<TelemetryRecord> records, long seq) => new(
        new TelemetryEnvelope
        {
            Schema = TelemetryEnvelope.SchemaV1,
            MessageId = Guid.NewGuid(),
            HouseholdId = TestTelemetry.HouseholdId,
            GatewayId = TestTelemetry.GatewayId,
            BootId = Guid.Empty,
            Seq = seq,
            SentAt = records[^1].At,
            Records = [.. records],
        },
        records[^1].At + TimeSpan.FromSeconds(1));
}
