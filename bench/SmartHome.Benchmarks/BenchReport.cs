using System.Text;

namespace SmartHome.Benchmarks;

/// <summary>The run's figures as a Markdown table, each with what it is compared with.</summary>
internal sealed class BenchReport(BenchSettings settings)
{
    private readonly StringBuilder _rows = new();

    public void PublishRates(int connections, double baseline, PipelineRate pipeline)
    {
        var what = $"{settings.Messages} messages, {connections} connection(s), window {settings.Window}";
        Row($"(a) bare MQTTnet QoS 1 publish to Mosquitto, {what}", Rate(baseline, "msg/s"), "", "");
        Row($"(b) appliance link → outbox → uplink → Mosquitto → subscriber, {what}", Rate(pipeline.EndToEnd, "msg/s"), $"(a) {Rate(baseline, "msg/s")}", Ratio(pipeline.EndToEnd, baseline));
        Row("(b′) the same, PUBACKed by the gateway (durable in the outbox)", Rate(pipeline.Accepted, "msg/s"), $"(a) {Rate(baseline, "msg/s")}", Ratio(pipeline.Accepted, baseline));
    }

    public void Drain(double baseline, DrainResult drain)
    {
        Row($"(c) drain of {drain.Records} records after an outage, from the first acknowledged envelope", Rate(drain.DrainRate, "records/s"), $"(a), 1 connection: {Rate(baseline, "msg/s")}", Ratio(drain.DrainRate, baseline));
        Row($"(c′) filling the outbox while the broker is down, {settings.FillConnections} connections", Rate(drain.FillRate, "records/s"), "", "");
        Row("(c″) broker start → first envelope acknowledged (reconnect backoff, retry while no subscriber)", $"{drain.FirstAcknowledged.TotalSeconds:0.0} s", "", "");
    }

    public void Memory(ProcessMemory gateway, ProcessMemory worker)
    {
        Row($"(d) idle VmRSS of the gateway after {settings.Settle.TotalSeconds:0} s ({Gc(gateway)})", MiB(gateway), $"empty `dotnet new worker` ({Gc(worker)}): {MiB(worker)}",
            Ratio(gateway.ResidentBytes, worker.ResidentBytes));
    }

    public void Ingest(IngestResult bare, double coreRate, IngestResult paced)
    {
        var what = $"{bare.Envelopes} envelopes from {settings.IngestHouseholds} households, at most 200 ahead of the reader";
        Row($"(e) telemetry → Mosquitto → bare MQTTnet subscriber, {what}", $"{Rate(bare.Rate, "envelopes/s")}; latency p50 {Ms(bare.P50Milliseconds)}, p99 {Ms(bare.P99Milliseconds)}", "", "");
        Row($"(f) telemetry → Mosquitto → cloud core (twin updated, rules run, events stored, one transaction per envelope), {what}",
            Rate(coreRate, "envelopes/s"), $"(e) {Rate(bare.Rate, "envelopes/s")}", Ratio(coreRate, bare.Rate));
        Row($"(f′) the same, {paced.Envelopes} envelopes published at {settings.IngestPacedRate:0} envelopes/s: latency from publish to committed",
            $"p50 {Ms(paced.P50Milliseconds)}, p99 {Ms(paced.P99Milliseconds)}", $"(e) p50 {Ms(bare.P50Milliseconds)}, p99 {Ms(bare.P99Milliseconds)}",
            $"{Ratio(paced.P50Milliseconds, bare.P50Milliseconds)}, {Ratio(paced.P99Milliseconds, bare.P99Milliseconds)}");
    }

    public void TwinCost(TwinCosts costs)
    {
        var baseline = $"50 items uncached: {Ms(costs.Small)}";
        Row("(g) apply and store one envelope of 10 readings, 50 items, uncached (the store reads and parses the twin)", Ms(costs.Small), "", "");
        Row("(g) the same, 50 items, the twin kept by the store", Ms(costs.SmallCached), baseline, Ratio(costs.SmallCached, costs.Small));
        Row($"(g) the same, 5,000 items ({costs.LargeTwinBytes / 1e6:0.0} MB of JSON as stored), uncached", Ms(costs.Large), baseline, Ratio(costs.Large, costs.Small));
        Row("(g) the same, 5,000 items, the twin kept by the store", Ms(costs.LargeCached), baseline, Ratio(costs.LargeCached, costs.Small));
        Row("(g) the same, 5,000 items added a day ago, 48 h of readings in the fridge's history, the twin kept by the store", Ms(costs.LargeCachedWithHistory), baseline, Ratio(costs.LargeCachedWithHistory, costs.Small));
    }

    public void Delivery(DeliveryRates rates, BenchSettings run)
    {
        var plain = rates.PlainLoop;
        var baseline = $"(h0) {Rate(plain.Rate, "requests/s")}";
        Row($"(h0) plain HttpClient loop POSTing the same CloudEvent bodies and headers to a local receiver that answers 204 at once, {rates.Concurrency} at a time, {plain.Queued} requests",
            Rate(plain.Rate, "requests/s"), "", "");
        Row($"(h1) the delivery worker, {rates.Worker.Queued} queued events of one consenting partner, at most {rates.Concurrency} per endpoint (claim, consent, pseudonym, sign, POST, outcome stored)",
            Rate(rates.Worker.Rate, "deliveries/s"), baseline, Ratio(rates.Worker.Rate, plain.Rate));
        var hung = rates.WithHanging;
        var incomplete = hung.Delivered < hung.Queued ? $"; only {hung.Delivered} of {hung.Queued} within {run.HangBudget.TotalSeconds:0} s" : string.Empty;
        Row($"(h2) the same while another partner's endpoint, subscribed to the same events, never answers (it took {rates.HangingTaken} requests){incomplete}",
            Rate(hung.Rate, "deliveries/s"), baseline, Ratio(hung.Rate, plain.Rate));
    }

    public override string ToString() => $"""
        SmartHome benchmarks: {settings}

        | figure | value | compared with | ratio |
        |---|---|---|---|
        {_rows}
        """;

    private static string Rate(double perSecond, string unit) => $"{perSecond:N0} {unit}";

    private static string Ms(double milliseconds) => $"{milliseconds:0.0} ms";

    private static string Ratio(double value, double baseline) => $"{value / baseline:0.000}";

    private static string MiB(ProcessMemory memory) => $"{memory.ResidentBytes / (1024.0 * 1024):0.0} MiB";

    private static string Gc(ProcessMemory memory) => memory.ServerGc ? "server GC" : "workstation GC";

    private void Row(string figure, string value, string comparedWith, string ratio) =>
        _rows.Append($"| {figure} | {value} | {comparedWith} | {ratio} |\n");
}
