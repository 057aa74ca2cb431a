using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Testing;
using static SmartHome.Cloud.UnitTests.Outbox.DeliveryTestClient;

namespace SmartHome.Cloud.UnitTests.Outbox;

/// <summary>Dead deliveries are redriven, one or all since a time, by their own partner only, with a fresh retry budget.</summary>
public class RedriveTests
{
    private const string HouseholdId = "home-w";

    [Fact]
    public async Task RedriveOne_DeadDelivery_GetsAFreshRetryBudgetAndIsDelivered()
    {
        await using var setup = await DeadDeliveries.StartAsync(count: 1);
        var (sut, time, partner) = (setup.Sut, setup.Time, setup.Partner);
        var id = setup.Ids[0];
        using var asPartner = sut.Client(partner.ApiKey);
        using var asOther = sut.Client(setup.Other.ApiKey);

        using var notTheirs = await asOther.PostAsync($"/api/v1/deliveries/{id}/redrive", null);
        using var redriven = await asPartner.PostAsync($"/api/v1/deliveries/{id}/redrive", null);

        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, redriven.StatusCode);
        await Eventually.TrueAsync(() => AttemptedAsync(sut, partner.ApiKey, 1, attempts: 9), Wait.Timeout, "the redriven attempt");
        var failedAgain = Assert.Single(await DeliveriesAsync(sut, partner.ApiKey, "failed"));
        var ninth = (await AttemptsAsync(sut, partner.ApiKey, id))[8];
        Assert.Equal(
            ninth.GetProperty("startedAt").GetDateTimeOffset().AddSeconds(5), failedAgain.GetProperty("nextAttemptAt").GetDateTimeOffset(), TimeSpan.FromSeconds(0.5));
        using var notDead = await asPartner.PostAsync($"/api/v1/deliveries/{id}/redrive", null);
        Assert.Equal(HttpStatusCode.Conflict, notDead.StatusCode);

        setup.EndpointUp();
        await AdvanceUntilAsync(
            time, TimeSpan.FromSeconds(6), async () => (await DeliveriesAsync(sut, partner.ApiKey, "delivered")).Length == 1, "the delivery after the fresh budget's first wait");

        var attempts = await AttemptsAsync(sut, partner.ApiKey, id);
        Assert.Equal(Enumerable.Range(1, 10), attempts.Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.Equal("delivered", attempts[^1].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task RedriveSince_RedrivesThePartnersDeadDeliveriesThatDiedSinceThen()
    {
        await using var setup = await DeadDeliveries.StartAsync(count: 2);
        var (sut, time, partner, other, start) = (setup.Sut, setup.Time, setup.Partner, setup.Other, setup.Start);
        using var asPartner = sut.Client(partner.ApiKey);
        using var asOther = sut.Client(other.ApiKey);

        using var missingSince = await asPartner.PostAsJsonAsync("/api/v1/deliveries/redrive", new { });
        using var byOther = await asOther.PostAsJsonAsync("/api/v1/deliveries/redrive", new { since = start });
        using var future = await asPartner.PostAsJsonAsync("/api/v1/deliveries/redrive", new { since = time.GetUtcNow().AddMinutes(1) });
        setup.EndpointUp();
        using var redriven = await asPartner.PostAsJsonAsync("/api/v1/deliveries/redrive", new { since = start });

        Assert.Equal(HttpStatusCode.BadRequest, missingSince.StatusCode);
        Assert.Equal(0, (await byOther.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redriven").GetInt32());
        Assert.Equal(0, (await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redriven").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, redriven.StatusCode);
        Assert.Equal(2, (await redriven.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redriven").GetInt32());
        await WaitForDeliveriesAsync(sut, partner.ApiKey, "delivered", 2);
    }

    /// <summary>A partner whose endpoint fails until <see cref="EndpointUp"/>, with deliveries run through the whole retry schedule until dead.</summary>
    private sealed class DeadDeliveries : IAsyncDisposable
    {
        private int up;

        private DeadDeliveries(FakeTimeProvider time) => Time = time;

        public FakeTimeProvider Time { get; }

        public DateTimeOffset Start { get; private set; }

        public CloudTestHost Sut { get; private set; } = null!;

        public (string Id, string ApiKey, string Secret) Partner { get; private set; }

        /// <summary>Another partner, with no deliveries.</summary>
        public (string Id, string ApiKey) Other { get; private set; }

        public string[] Ids { get; private set; } = [];

        private WebhookReceiver Receiver { get; set; } = null!;

        public static async Task<DeadDeliveries> StartAsync(int count)
        {
            var setup = new DeadDeliveries(new FakeTimeProvider(DateTimeOffset.UtcNow));
            setup.Start = setup.Time.GetUtcNow();
            setup.Receiver = await WebhookReceiver.StartAsync(() => Volatile.Read(ref setup.up) == 1 ? 204 : 500);
            setup.Sut = await CloudTestHost.StartAsync(time: setup.Time);
            setup.Partner = await WebhookDeliveryTests.SubscribeAsync(setup.Sut, setup.Receiver.Url, "shg.stock.*");
            setup.Other = await setup.Sut.CreatePartnerAsync("B", "recipe");
            await WebhookDeliveryTests.ConsentAsync(setup.Sut, setup.Partner.Id, "shg.stock.*");
            for (var i = 0; i < count; i++)
            {
                await WebhookDeliveryTests.RaiseAsync(setup.Sut, TestEvents.StockLow(HouseholdId));
            }

            await setup.DieAsync(count);
            return setup;
        }

        public void EndpointUp() => Volatile.Write(ref up, 1);

        public async ValueTask DisposeAsync()
        {
            await Sut.DisposeAsync();
            await Receiver.DisposeAsync();
        }

        private async Task DieAsync(int count)
        {
            var apiKey = Partner.ApiKey;
            await Eventually.TrueAsync(() => AttemptedAsync(Sut, apiKey, count, attempts: 1), Wait.Timeout, "the first attempts");
            for (var failures = 1; failures < DeliveryRetrySchedule.MaxAttempts; failures++)
            {
                var attempts = failures + 1;
                await AdvanceUntilAsync(
                    Time, DeliveryRetrySchedule.Delays[failures - 1] * 1.1, () => AttemptedAsync(Sut, apiKey, count, attempts), $"attempt {attempts}");
            }

            Assert.Equal(count * DeliveryRetrySchedule.MaxAttempts, Receiver.Received.Count);
            var dead = await WaitForDeliveriesAsync(Sut, apiKey, "dead", count);
            Ids = [.. dead.Select(d => d.GetProperty("id").GetString()!)];
        }
    }
}
