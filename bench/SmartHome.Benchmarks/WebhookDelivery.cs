using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.Ingest;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
using SmartHome.Testing;

namespace SmartHome.Benchmarks;

/// <summary>
/// (h) webhook deliveries per second to a local receiver that answers 204 at once: (h0) a plain HttpClient loop
/// posting the same CloudEvent bodies and headers at the same concurrency as the worker's per-endpoint limit; (h1)
/// the cloud's delivery worker working off a queue of events for one consenting partner (claim, consent check,
/// pseudonym, signing, POST, the outcome stored); (h2) the same while another partner's endpoint, subscribed to the
/// same events, accepts every request and never answers. The queue is filled in one transaction before the clock
/// starts; the clock stops when the receiver has had every event.
/// </summary>
internal static class WebhookDelivery
{
    private const string HouseholdId = "bench-delivery-home";
    private const string AdminKey = "bench-admin-key-0123456789abcdef";
    private static readonly string[] Types = [NeedEventTypes.StockLow];

    public static async Task<DeliveryRates> MeasureAsync(MosquittoBroker broker, BenchSettings settings)
    {
        await using var healthy = await Endpoint.StartAsync(hang: false);
        await using var hanging = await Endpoint.StartAsync(hang: true);
        var concurrency = settings.DeliveryConcurrency;

        await PlainLoopAsync(healthy, settings.Deliveries / 4, concurrency);
        var plain = await PlainLoopAsync(healthy, settings.Deliveries, concurrency);
        Console.Error.WriteLine($"(h0) {plain.Rate:N0} requests/s");

        await using var cloud = await BenchCloud.StartAsync(broker, new Dictionary<string, string?>
        {
            ["SmartHome:Cloud:Delivery:AllowPrivateNetworks"] = "true",
            ["SmartHome:Cloud:Delivery:Worker:MaxInFlightPerEndpoint"] = concurrency.ToString(CultureInfo.InvariantCulture),

            // The per-endpoint rate limit (50 a second by default) is a policy, not a cost: lifted, so (h1) measures the worker.
            ["SmartHome:Cloud:Delivery:Worker:RatePerEndpoint"] = "10000",
            ["SmartHome:Cloud:Delivery:Worker:BurstPerEndpoint"] = "10000",
        });
        await SubscribeAsync(cloud, healthy.Url);
        await QueueAndTimeAsync(cloud, healthy, settings.Deliveries / 4, TimeSpan.MaxValue);
        var worker = await QueueAndTimeAsync(cloud, healthy, settings.Deliveries, TimeSpan.MaxValue);
        Console.Error.WriteLine($"(h1) {worker.Rate:N0} deliveries/s");

        await SubscribeAsync(cloud, hanging.Url);
        var withHanging = await QueueAndTimeAsync(cloud, healthy, settings.Deliveries, settings.HangBudget);
        Console.Error.WriteLine($"(h2) {withHanging.Rate:N0} deliveries/s, {withHanging.Delivered} of {withHanging.Queued} within {settings.HangBudget.TotalSeconds:0} s");
        return new(concurrency, plain, worker, withHanging, hanging.Taken);
    }

    /// <summary>(h0): <paramref name="concurrency"/> loops, each posting the next body and awaiting its answer.</summary>
    private static async Task<DeliveryRate> PlainLoopAsync(Endpoint endpoint, int count, int concurrency)
    {
        var requests = Enumerable.Range(0, count).Select(i => Request(NewEvent(i), $"msg_{Guid.NewGuid():N}")).ToArray();
        using var http = new HttpClient();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var (id, timestamp, signature, body) = requests[i];
                using var message = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
                {
                    Content = new StringContent(body, Encoding.UTF8, NeedEventCloudEventWriter.ContentType),
                };
                message.Headers.Add(WebhookSender.IdHeader, id);
                message.Headers.Add(WebhookSender.TimestampHeader, timestamp);
                message.Headers.Add(WebhookSender.SignatureHeader, signature);
                using var response = await http.SendAsync(message);
                response.EnsureSuccessStatusCode();
            }
        }));
        return new(count, count, count / watch.Elapsed.TotalSeconds);
    }

    /// <summary>Raises <paramref name="count"/> events in one transaction, then times until the endpoint has had them all or the budget ends.</summary>
    private static async Task<DeliveryRate> QueueAndTimeAsync(BenchCloud cloud, Endpoint endpoint, int count, TimeSpan budget)
    {
        var events = Enumerable.Range(0, count).Select(NewEvent).ToArray();
        var before = endpoint.Taken;
        await cloud.Service<HouseholdUpdater>().ChangeAsync(HouseholdId, null, _ => events, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        try
        {
            await Poll.UntilAsync(() => endpoint.Taken - before >= count || watch.Elapsed > budget, "the endpoint to get every delivery");
        }
        finally
        {
            watch.Stop();
        }

        var delivered = Math.Min(count, endpoint.Taken - before);
        return new(count, delivered, delivered / watch.Elapsed.TotalSeconds);
    }

    private static async Task SubscribeAsync(BenchCloud cloud, Uri url)
    {
        using var admin = Client(cloud, AdminKey);
        var partner = await ReadAsync(await admin.PostAsJsonAsync("api/v1/partners", new { name = "BenchMart", kind = "grocery" }));
        using var asPartner = Client(cloud, partner.GetProperty("apiKey").GetString()!);
        await ReadAsync(await asPartner.PostAsJsonAsync("api/v1/subscriptions", new { types = Types, webhook = new { url } }));
        var token = await ReadAsync(await admin.PostAsync(new Uri($"api/v1/households/{HouseholdId}/tokens", UriKind.Relative), null));
        using var householder = Client(cloud, token.GetProperty("token").GetString()!);
        var partnerId = partner.GetProperty("id").GetString()!;
        await ReadAsync(await householder.PutAsJsonAsync($"api/v1/household/consents/{partnerId}", new { types = Types }));
    }

    private static HttpClient Client(BenchCloud cloud, string bearer)
    {
        var client = new HttpClient { BaseAddress = cloud.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        return client;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }

    /// <summary>A stock-low event, each about its own item (so none supersedes another).</summary>
    private static NeedEvent NewEvent(int i) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Type = NeedEventTypes.StockLow,
        HouseholdId = HouseholdId,
        Subject = $"items/bench-{i}",
        Time = DateTimeOffset.UtcNow,
        Data = JsonSerializer.SerializeToElement(
            new StockLowData { Name = "Milk", Category = "dairy", Quantity = 0, MinimumQuantity = 1, Unit = "l" },
            ContractsJsonContext.Default.StockLowData),
    };

    /// <summary>What the worker would send for the event: the CloudEvent body and the Standard Webhooks headers.</summary>
    private static (string Id, string Timestamp, string Signature, string Body) Request(NeedEvent needEvent, string id)
    {
        var body = NeedEventCloudEventWriter.ToStructuredJson(needEvent, id, "/households/0123456789abcdef0123");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return (id, timestamp.ToString(CultureInfo.InvariantCulture), StandardWebhookSigner.Sign(StandardWebhookSigner.NewSecret(), id, timestamp, body), body);
    }

    /// <summary>A partner's endpoint on loopback that passes the handshake and answers every POST with 204 at once, or never.</summary>
    private sealed class Endpoint : IAsyncDisposable
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private LoopbackHttpServer _server = null!;
        private int _taken;

        public Uri Url => new(_server.BaseAddress, "/hooks/bench");

        /// <summary>POSTs taken in so far (answered or, when hanging, held open).</summary>
        public int Taken => Volatile.Read(ref _taken);

        public static async Task<Endpoint> StartAsync(bool hang)
        {
            var endpoint = new Endpoint();
            endpoint._server = await LoopbackHttpServer.StartAsync(context => endpoint.HandleAsync(context, hang));
            return endpoint;
        }

        public async ValueTask DisposeAsync()
        {
            _release.TrySetResult();
            await _server.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext context, bool hang)
        {
            if (HttpMethods.IsOptions(context.Request.Method))
            {
                context.Response.Headers["WebHook-Allowed-Origin"] = context.Request.Headers["WebHook-Request-Origin"];
                return;
            }

            await context.Request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref _taken);
            if (hang)
            {
                await _release.Task;
            }

            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
    }
}

/// <summary>Of <see cref="Queued"/> deliveries, how many arrived within the run, and at what rate per second.</summary>
internal sealed record DeliveryRate(int Queued, int Delivered, double Rate);

/// <summary>(h0) to (h2), and how many requests the hanging endpoint took in during (h2).</summary>
internal sealed record DeliveryRates(int Concurrency, DeliveryRate PlainLoop, DeliveryRate Worker, DeliveryRate WithHanging, int HangingTaken);
