using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using SmartHome.Contracts;
using SmartHome.Testing;
using Xunit.Abstractions;

namespace SmartHome.IntegrationTests;

/// <summary>
/// The gateway as a real process, SIGKILLed at random moments while appliances stream to it and restarted on the
/// same outbox each time; behind a real Mosquitto, a subscriber that dedupes as the cloud does (by gateway and seq)
/// must end up with every record the gateway accepted.
/// </summary>
public sealed class GatewayKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string HouseholdId = "kill-home";
    private const string GatewayId = "kill-gw";
    private const int Messages = 5_000;
    private const int Appliances = 5;
    private const int Window = 50;
    private const int Kills = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string _outboxPath = Directory.CreateTempSubdirectory("shg-kill-outbox-").FullName;
    private MosquittoBroker _broker = null!;
    private TelemetryCollector _telemetry = null!;
    private volatile GatewayProcess _gateway = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _telemetry = await TelemetryCollector.ConnectAsync(_broker.Port, Topics.Telemetry(HouseholdId, GatewayId));
        _gateway = await StartGatewayAsync();
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _telemetry.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_outboxPath, recursive: true);
    }

    [Fact]
    public async Task GatewayKilledAtRandomMoments_DuringApplianceStream_EveryAcceptedRecordArrives()
    {
        var seed = Environment.GetEnvironmentVariable("SHG_KILL_SEED") is { } fixedSeed ? int.Parse(fixedSeed) : Random.Shared.Next();
        output.WriteLine($"seed {seed} (set SHG_KILL_SEED to repeat this run)");
        var random = new Random(seed);
        var killAt = new SortedSet<int>();
        while (killAt.Count < Kills)
        {
            killAt.Add(random.Next(Messages / 10, Messages * 9 / 10));
        }

        output.WriteLine($"kills after {string.Join(", ", killAt)} accepted messages, and once more after the last");
        var moments = Channel.CreateUnbounded<int>();
        var accepted = 0;
        var appliances = Enumerable.Range(0, Appliances).Select(appliance =>
            new AcknowledgedPublisher(Messages / Appliances, Window, index => ApplianceMessages.JarAdded($"kill-appliance-{appliance}", ItemId(appliance, index)))
            {
                OnAccepted = _ =>
                {
                    var total = Interlocked.Increment(ref accepted);
                    if (killAt.Contains(total) || total == Messages)
                    {
                        moments.Writer.TryWrite(total);
                    }
                },
            }).ToList();
        using var timeout = new CancellationTokenSource(Patience);
        var elapsed = Stopwatch.StartNew();

        var killer = KillAndRestartAsync(moments.Reader, timeout.Token);
        await Task.WhenAll(appliances.Select(a => a.RunAsync(() => _gateway.ApplianceLinkPort, timeout.Token)));
        moments.Writer.Complete();
        var kills = await killer;
        output.WriteLine($"every message accepted after {elapsed.Elapsed.TotalSeconds:0.0} s");

        var lastSeq = await Eventually.GetValueAsync(DrainedLastSeqAsync, Patience, "the restarted gateway's outbox to drain");
        await Eventually.TrueAsync(() => _telemetry.LastSeq(GatewayId) >= lastSeq, Patience, $"the gateway's last envelope (seq {lastSeq})");
        var received = _telemetry.ItemIds();

        output.WriteLine($"{kills} kills, {appliances.Sum(a => a.Connections)} appliance connections, last seq {lastSeq}, "
            + $"{_telemetry.Duplicates} duplicate envelopes dropped, {elapsed.Elapsed.TotalSeconds:0.0} s in all");
        Assert.Equal(Kills + 1, kills);
        Assert.True(appliances.Sum(a => a.Connections) > Appliances, "the appliances should have reconnected and resent after the kills");
        Assert.Equal(Messages, accepted);
        Assert.Equal(0, _telemetry.Conflicts);
        var lost = (from appliance in Enumerable.Range(0, Appliances)
                    from index in Enumerable.Range(0, Messages / Appliances)
                    where appliances[appliance].IsAccepted(index) && !received.Contains(ItemId(appliance, index))
                    select ItemId(appliance, index)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} accepted records never arrived, e.g. {string.Join(", ", lost.Take(10))} (seed {seed})");
    }

    private static string ItemId(int appliance, int index) => $"jar-{appliance}-{index}";

    private Task<GatewayProcess> StartGatewayAsync() => GatewayProcess.StartAsync(new Dictionary<string, string>
    {
        ["SmartHome:Gateway:HouseholdId"] = HouseholdId,
        ["SmartHome:Gateway:GatewayId"] = GatewayId,
        ["SmartHome:Gateway:Uplink:Host"] = "127.0.0.1",
        ["SmartHome:Gateway:Uplink:Port"] = _broker.Port.ToString(),
        ["SmartHome:Gateway:Outbox:Path"] = _outboxPath,
    });

    private async Task<int> KillAndRestartAsync(ChannelReader<int> moments, CancellationToken cancellationToken)
    {
        var kills = 0;
        await foreach (var accepted in moments.ReadAllAsync(cancellationToken))
        {
            await _gateway.KillAsync();
            await _gateway.DisposeAsync();
            kills++;
            output.WriteLine($"killed the gateway after {accepted} accepted messages");
            _gateway = await StartGatewayAsync();
        }

        return kills;
    }

    /// <summary>The gateway's last seq once its outbox holds nothing the broker has not acknowledged, else null.</summary>
    private async Task<long?> DrainedLastSeqAsync()
    {
        using var http = new HttpClient();
        try
        {
            var outbox = (await http.GetFromJsonAsync<JsonElement>(_gateway.HealthAddress)).GetProperty("outbox");
            return outbox.GetProperty("pendingEnvelopes").GetInt64() == 0 ? outbox.GetProperty("lastSeq").GetInt64() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
