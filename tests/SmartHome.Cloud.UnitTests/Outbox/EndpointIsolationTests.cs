using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Outbox;

/// <summary>
/// One partner's endpoint accepts requests and never answers; another's answers at once. The healthy one must get
/// everything while the hanging one's attempts are still open. The response timeout is set far beyond the test, so
/// the hanging attempts stay open throughout and the outcome does not depend on how fast the machine is.
/// </summary>
public sealed class EndpointIsolationTests : IAsyncLifetime
{
    private const int MaxInFlightPerEndpoint = 2;
    private WebhookReceiver healthy = null!;
    private HangingEndpoint hanging = null!;

    public async Task InitializeAsync()
    {
        healthy = await WebhookReceiver.StartAsync();
        hanging = await HangingEndpoint.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await hanging.DisposeAsync();
        await healthy.DisposeAsync();
    }

    [Fact]
    public async Task HangingEndpoint_HealthyEndpointGetsEveryDelivery_WhileHangingAttemptsStayOpen()
    {
        const int events = 10;
        await using var sut = await StartAsync(maxInFlight: 64);
        var (slow, fast) = await SubscribeBothAsync(sut);
        await WebhookDeliveryTests.ConsentAsync(sut, slow.Id, "shg.*");
        await WebhookDeliveryTests.ConsentAsync(sut, fast.Id, "shg.*");

        for (var i = 0; i < events; i++)
        {
            await WebhookDeliveryTests.RaiseAsync(sut, Event(i));
        }

        await Eventually.TrueAsync(() => hanging.Open == MaxInFlightPerEndpoint, Wait.Timeout, "the hanging endpoint's open attempts");
        await WaitForDeliveredAsync(sut, fast.ApiKey, events);

        // Every healthy delivery is done while the hanging endpoint's attempts are open and none of its deliveries moved on.
        Assert.Equal(events, healthy.Received.Select(r => r.Id).Distinct().Count());
        Assert.Equal(0, hanging.Answered);
        using var asSlow = sut.Client(slow.ApiKey);
        var slowDeliveries = await asSlow.GetFromJsonAsync<JsonElement>("/api/v1/deliveries");
        Assert.Equal(events, slowDeliveries.GetArrayLength());
        Assert.All(slowDeliveries.EnumerateArray(), d => Assert.Equal("pending", d.GetProperty("status").GetString()));
    }

    /// <summary>
    /// Deliveries queued behind a hanging endpoint's per-endpoint limit still hold the worker's global in-flight slots
    /// while they wait, so a hanging endpoint with a backlog of <c>MaxInFlight</c> or more blocks every other endpoint
    /// until its attempts time out (head-of-line blocking in <c>DeliveryWorker</c>). Fails until the worker stops counting
    /// deliveries that wait for an endpoint's slot against <c>MaxInFlight</c> (the worker's fairness fix, issue 6).
    /// </summary>
    [Fact]
    public async Task HangingEndpointWithBacklog_LargerThanMaxInFlight_DoesNotHoldBackAnotherEndpoint()
    {
        const int maxInFlight = 4;
        await using var sut = await StartAsync(maxInFlight);
        var (slow, fast) = await SubscribeBothAsync(sut);
        await WebhookDeliveryTests.ConsentAsync(sut, slow.Id, "shg.*");
        for (var i = 0; i < maxInFlight * 3; i++)
        {
            await WebhookDeliveryTests.RaiseAsync(sut, Event(i));
        }

        await Eventually.TrueAsync(() => hanging.Open == MaxInFlightPerEndpoint, Wait.Timeout, "the hanging endpoint's open attempts");

        // Queued after the hanging endpoint's backlog: only the healthy partner's consent is new.
        await WebhookDeliveryTests.ConsentAsync(sut, fast.Id, "shg.*");
        await WebhookDeliveryTests.RaiseAsync(sut, Event(maxInFlight * 3));

        await WaitForDeliveredAsync(sut, fast.ApiKey, 1);
        Assert.Equal(0, hanging.Answered);
    }

    private static NeedEvent Event(int i) =>
        TestEvents.StockLow(WebhookDeliveryTests.HouseholdId) with { Subject = $"items/milk-{i}" };

    private static Task<CloudTestHost> StartAsync(int maxInFlight) => CloudTestHost.StartAsync(settings =>
    {
        settings["SmartHome:Cloud:Delivery:ResponseTimeout"] = "00:05:00";
        settings["SmartHome:Cloud:Delivery:Worker:Lease"] = "01:00:00";
        settings["SmartHome:Cloud:Delivery:Worker:MaxInFlight"] = maxInFlight.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["SmartHome:Cloud:Delivery:Worker:MaxInFlightPerEndpoint"] = MaxInFlightPerEndpoint.ToString(System.Globalization.CultureInfo.InvariantCulture);
    });

    private static async Task WaitForDeliveredAsync(CloudTestHost sut, string apiKey, int count)
    {
        using var partner = sut.Client(apiKey);
        await Eventually.TrueAsync(
            async () => (await partner.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?status=delivered")).GetArrayLength() == count,
            Wait.Timeout,
            $"{count} delivered to the healthy endpoint");
    }

    private async Task<((string Id, string ApiKey, string Secret) Slow, (string Id, string ApiKey, string Secret) Fast)> SubscribeBothAsync(CloudTestHost sut) =>
        (await WebhookDeliveryTests.SubscribeAsync(sut, hanging.Url, "shg.stock.*"), await WebhookDeliveryTests.SubscribeAsync(sut, healthy.Url, "shg.stock.*"));

    /// <summary>Passes the handshake, then takes every POST and never answers it until disposed.</summary>
    private sealed class HangingEndpoint : IAsyncDisposable
    {
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private LoopbackHttpServer server = null!;
        private int open;
        private int answered;

        public Uri Url => new(server.BaseAddress, "/hooks/hang");

        public int Open => Volatile.Read(ref open);

        public int Answered => Volatile.Read(ref answered);

        public static async Task<HangingEndpoint> StartAsync()
        {
            var endpoint = new HangingEndpoint();
            endpoint.server = await LoopbackHttpServer.StartAsync(endpoint.HandleAsync);
            return endpoint;
        }

        public async ValueTask DisposeAsync()
        {
            release.TrySetResult();
            await server.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext context)
        {
            if (HttpMethods.IsOptions(context.Request.Method))
            {
                context.Response.Headers["WebHook-Allowed-Origin"] = context.Request.Headers["WebHook-Request-Origin"];
                return;
            }

            Interlocked.Increment(ref open);
            await release.Task;
            Interlocked.Increment(ref answered);
        }
    }
}
