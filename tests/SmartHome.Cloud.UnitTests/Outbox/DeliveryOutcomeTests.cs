using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Testing;
using static SmartHome.Cloud.UnitTests.Outbox.DeliveryTestClient;

namespace SmartHome.Cloud.UnitTests.Outbox;

/// <summary>What each kind of answer does to a webhook delivery: throttling, redirects, timeouts.</summary>
public class DeliveryOutcomeTests
{
    private const string HouseholdId = "home-w";

    [Theory]
    [InlineData(429, "120", 120)]
    [InlineData(503, "120", 120)]
    [InlineData(429, "86400", 3600)] // bounded by MaxRetryAfter (1 h by default)
    public async Task ThrottledWithRetryAfterSeconds_NextAttemptWhenTheEndpointAsked(int status, string retryAfter, int expectedSeconds)
    {
        var time = new FakeTimeProvider(WholeSecondNow());
        var throttle = 1;
        await using var receiver = await WebhookReceiver.StartAsync(() => Interlocked.Exchange(ref throttle, 0) == 1
            ? new WebhookAnswer(status, new Dictionary<string, string> { ["Retry-After"] = retryAfter })
            : new WebhookAnswer(204));
        await using var sut = await CloudTestHost.StartAsync(time: time);
        var partner = await WebhookDeliveryTests.SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await WebhookDeliveryTests.ConsentAsync(sut, partner.Id, "shg.stock.*");
        var start = time.GetUtcNow();

        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(HouseholdId));

        var throttled = Assert.Single(await WaitForDeliveriesAsync(sut, partner.ApiKey, "failed", 1));
        Assert.Equal(start.AddSeconds(expectedSeconds), throttled.GetProperty("nextAttemptAt").GetDateTimeOffset());
        Assert.Equal(status, throttled.GetProperty("lastStatusCode").GetInt32());
        var attempt = Assert.Single(await AttemptsAsync(sut, partner.ApiKey, throttled.GetProperty("id").GetString()!));
        Assert.Equal("throttled", attempt.GetProperty("outcome").GetString());
        await AdvanceUntilAsync(
            time, TimeSpan.FromSeconds(expectedSeconds), async () => (await DeliveriesAsync(sut, partner.ApiKey, "delivered")).Length == 1, "the attempt after the wait");
    }

    [Fact]
    public async Task ThrottledWithRetryAfterDate_NextAttemptAtThatDate()
    {
        var time = new FakeTimeProvider(WholeSecondNow());
        var retryAt = time.GetUtcNow().AddMinutes(10);
        await using var receiver = await WebhookReceiver.StartAsync(
            () => new WebhookAnswer(503, new Dictionary<string, string> { ["Retry-After"] = retryAt.ToString("R", CultureInfo.InvariantCulture) }));
        await using var sut = await CloudTestHost.StartAsync(time: time);
        var partner = await WebhookDeliveryTests.SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await WebhookDeliveryTests.ConsentAsync(sut, partner.Id, "shg.stock.*");

        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(HouseholdId));

        var throttled = Assert.Single(await WaitForDeliveriesAsync(sut, partner.ApiKey, "failed", 1));
        Assert.Equal(retryAt, throttled.GetProperty("nextAttemptAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task ThrottledMoreOftenThanTheRetryBudget_IsNotDeadAndDeliveredAfterwards()
    {
        var time = new FakeTimeProvider(WholeSecondNow());
        var throttles = 10;
        await using var receiver = await WebhookReceiver.StartAsync(() => Interlocked.Decrement(ref throttles) >= 0
            ? new WebhookAnswer(429, new Dictionary<string, string> { ["Retry-After"] = "30" })
            : new WebhookAnswer(204));
        await using var sut = await CloudTestHost.StartAsync(time: time);
        var partner = await WebhookDeliveryTests.SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await WebhookDeliveryTests.ConsentAsync(sut, partner.Id, "shg.stock.*");

        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(HouseholdId));
        await Eventually.TrueAsync(() => AttemptedAsync(sut, partner.ApiKey, 1, attempts: 1), Wait.Timeout, "the first throttled attempt");
        for (var i = 2; i <= 11; i++)
        {
            var attempts = i;
            await AdvanceUntilAsync(time, TimeSpan.FromSeconds(30), () => AttemptedAsync(sut, partner.ApiKey, 1, attempts), $"attempt {i}");
        }

        var delivered = Assert.Single(await WaitForDeliveriesAsync(sut, partner.ApiKey, "delivered", 1));
        Assert.Equal(11, delivered.GetProperty("attempts").GetInt32());
        Assert.Empty(await DeliveriesAsync(sut, partner.ApiKey, "dead"));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    public async Task Redirect_IsAFailureWithItsReasonAndNotFollowed(int status)
    {
        await using var elsewhere = await WebhookReceiver.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(
            () => new WebhookAnswer(status, new Dictionary<string, string> { ["Location"] = elsewhere.Url.AbsoluteUri }));
        await using var sut = await CloudTestHost.StartAsync(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        var partner = await WebhookDeliveryTests.SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await WebhookDeliveryTests.ConsentAsync(sut, partner.Id, "shg.stock.*");

        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(HouseholdId));

        var failed = Assert.Single(await WaitForDeliveriesAsync(sut, partner.ApiKey, "failed", 1));
        Assert.Equal(status, failed.GetProperty("lastStatusCode").GetInt32());
        Assert.Contains("redirects are not followed", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var attempt = Assert.Single(await AttemptsAsync(sut, partner.ApiKey, failed.GetProperty("id").GetString()!));
        Assert.Equal("failed", attempt.GetProperty("outcome").GetString());
        Assert.Equal(status, attempt.GetProperty("statusCode").GetInt32());
        Assert.Single(receiver.Received);
        Assert.Empty(elsewhere.Received);
    }

    [Fact]
    public async Task NoAnswerWithinTheResponseTimeout_IsAFailureWithItsReason()
    {
        await using var receiver = await WebhookReceiver.StartAsync(() => new WebhookAnswer(204, Hang: true));
        await using var sut = await CloudTestHost.StartAsync(
            settings => settings["SmartHome:Cloud:Delivery:ResponseTimeout"] = "00:00:01", time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        var partner = await WebhookDeliveryTests.SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        await WebhookDeliveryTests.ConsentAsync(sut, partner.Id, "shg.stock.*");

        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(HouseholdId));

        var failed = Assert.Single(await WaitForDeliveriesAsync(sut, partner.ApiKey, "failed", 1));
        Assert.Contains("response timeout", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.False(failed.TryGetProperty("lastStatusCode", out _));
        var attempt = Assert.Single(await AttemptsAsync(sut, partner.ApiKey, failed.GetProperty("id").GetString()!));
        Assert.Contains("response timeout", attempt.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attempts_OfAnotherPartnersDelivery_AreNotFound()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync();
        var partnerA = await WebhookDeliveryTests.SubscribeAsync(sut, receiver.Url, "shg.stock.*");
        var partnerB = await sut.CreatePartnerAsync("B", "recipe");
        await WebhookDeliveryTests.ConsentAsync(sut, partnerA.Id, "shg.stock.*");
        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(HouseholdId));
        var delivered = Assert.Single(await WaitForDeliveriesAsync(sut, partnerA.ApiKey, "delivered", 1));
        var id = delivered.GetProperty("id").GetString()!;

        using var asB = sut.Client(partnerB.ApiKey);
        using var response = await asB.GetAsync($"/api/v1/deliveries/{id}/attempts");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var attempt = Assert.Single(await AttemptsAsync(sut, partnerA.ApiKey, id));
        Assert.Equal(1, attempt.GetProperty("attempt").GetInt32());
        Assert.Equal("delivered", attempt.GetProperty("outcome").GetString());
        Assert.Equal(204, attempt.GetProperty("statusCode").GetInt32());
        Assert.True(attempt.GetProperty("latencyMs").GetInt64() >= 0);
    }
}
