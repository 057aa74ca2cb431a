using Microsoft.Extensions.Configuration;

namespace SmartHome.Benchmarks;

/// <summary>What one run measures, from the command line (<c>--messages 2000 --connections 1,4</c>).</summary>
internal sealed record BenchSettings(
    int Messages,
    int Window,
    IReadOnlyList<int> Connections,
    int DrainRecords,
    int FillConnections,
    TimeSpan Settle,
    int IngestEnvelopes,
    int IngestHouseholds,
    double IngestPacedRate,
    string Figures,
    int Deliveries,
    int DeliveryConcurrency,
    TimeSpan HangBudget)
{
    /// <summary>Whether this run measures the figure with that letter (<c>--figures abh</c>; all by default).</summary>
    public bool Measures(char figure) => Figures.Contains(figure, StringComparison.Ordinal);

    public static BenchSettings From(IConfiguration configuration) => new(
        Messages: configuration.GetValue("messages", 2_000),
        Window: configuration.GetValue("window", 20),
        Connections: (configuration["connections"] ?? "1,4").Split(',').Select(int.Parse).ToList(),
        DrainRecords: configuration.GetValue("drain-records", 30_000),
        FillConnections: configuration.GetValue("fill-connections", 16),
        Settle: TimeSpan.FromSeconds(configuration.GetValue("settle-seconds", 10)),
        IngestEnvelopes: configuration.GetValue("ingest-envelopes", 3_000),
        IngestHouseholds: configuration.GetValue("ingest-households", 10),
        IngestPacedRate: configuration.GetValue("ingest-paced-rate", 100.0),
        Figures: configuration["figures"] ?? "abcdefgh",
        Deliveries: configuration.GetValue("deliveries", 2_000),
        DeliveryConcurrency: configuration.GetValue("delivery-concurrency", 2),
        HangBudget: TimeSpan.FromSeconds(configuration.GetValue("hang-budget-seconds", 60)));

    /// <summary>One line per option, for <c>--help</c>.</summary>
    public const string Usage = """
        dotnet run -c Release --project bench/SmartHome.Benchmarks -- [options]
          --figures LETTERS           the figures to measure, as lettered in docs/benchmarks.md (abcdefgh: all)
          --messages N                messages per publish-rate figure (2000)
          --window N                  QoS 1 messages in flight per connection (20)
          --connections A,B           publishing connections, one (a)/(b) pair per value (1,4)
          --drain-records N           records put in the outbox during the outage of (c) (30000)
          --fill-connections N        appliances filling the outbox for (c) (16)
          --settle-seconds N          idle time before (d) reads memory (10)
          --ingest-envelopes N        envelopes for (e) and (f) (3000)
          --ingest-households N       households they are spread over (10)
          --ingest-paced-rate N       envelopes per second in (f') (100)
          --deliveries N              webhook deliveries per (h) figure (2000)
          --delivery-concurrency N    requests in flight per endpoint in (h) (2)
          --hang-budget-seconds N     how long (h2) waits with one endpoint hanging (60)
        """;

    public override string ToString() =>
        $"--messages {Messages} --window {Window} --connections {string.Join(',', Connections)} "
        + $"--drain-records {DrainRecords} --fill-connections {FillConnections} --settle-seconds {Settle.TotalSeconds} "
        + $"--ingest-envelopes {IngestEnvelopes} --ingest-households {IngestHouseholds} --ingest-paced-rate {IngestPacedRate} "
        + $"--figures {Figures} --deliveries {Deliveries} --delivery-concurrency {DeliveryConcurrency} --hang-budget-seconds {HangBudget.TotalSeconds}";
}
