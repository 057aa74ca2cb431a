using Microsoft.Extensions.Configuration;
using SmartHome.Benchmarks;
using SmartHome.Testing;

if (args.Contains("--help"))
{
    Console.WriteLine(BenchSettings.Usage);
    return;
}

var settings = BenchSettings.From(new ConfigurationBuilder().AddCommandLine(args).Build());
var report = new BenchReport(settings);
await using var broker = await MosquittoBroker.StartAsync();

if (settings.Measures('a') || settings.Measures('b'))
{
    // Warm-up, so that the first figure does not pay for JIT compilation and the broker's first connections.
    await PublishRates.BareClientAsync(broker, settings with { Messages = settings.Messages / 4 }, 1);
}

var baselines = new Dictionary<int, double>();
foreach (var connections in settings.Measures('a') || settings.Measures('b') ? settings.Connections : [])
{
    baselines[connections] = await PublishRates.BareClientAsync(broker, settings, connections);
    Console.Error.WriteLine($"(a) {connections} connection(s): {baselines[connections]:N0} msg/s");
    var pipeline = await PublishRates.ThroughGatewayAsync(broker, settings, connections);
    Console.Error.WriteLine($"(b) {connections} connection(s): {pipeline.EndToEnd:N0} msg/s");
    report.PublishRates(connections, baselines[connections], pipeline);
}

if (settings.Measures('c'))
{
    var singleConnection = baselines.TryGetValue(1, out var rate) ? rate : await PublishRates.BareClientAsync(broker, settings, 1);
    var drain = await OutageDrain.RunAsync(broker, settings);
    Console.Error.WriteLine($"(c) {drain.DrainRate:N0} records/s");
    report.Drain(singleConnection, drain);
}

if (settings.Measures('e') || settings.Measures('f'))
{
    var bareIngest = await CloudIngest.BareSubscriberAsync(broker, settings);
    Console.Error.WriteLine($"(e) {bareIngest.Rate:N0} envelopes/s");
    var coreRate = await CloudIngest.CoreRateAsync(broker, settings);
    Console.Error.WriteLine($"(f) {coreRate:N0} envelopes/s");
    report.Ingest(bareIngest, coreRate, await CloudIngest.CoreLatencyAsync(broker, settings, settings.IngestEnvelopes / 3));
}

if (settings.Measures('g'))
{
    report.TwinCost(await TwinCost.MeasureAsync(broker));
}

if (settings.Measures('d'))
{
    report.Memory(await IdleMemory.GatewayAsync(broker, settings), await IdleMemory.EmptyWorkerAsync(settings));
}

if (settings.Measures('h'))
{
    report.Delivery(await WebhookDelivery.MeasureAsync(broker, settings), settings);
}

Console.WriteLine(report);
