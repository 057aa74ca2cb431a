using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;

namespace SmartHome.Cloud.UnitTests.Storage;

/// <summary>
/// What the delivery store does with a claim when something changes between the claim and the worker's verdict on it.
/// The rows are queued a day ahead of the host's clock, so the host's own worker never claims them; a store on a
/// clock two days ahead plays the worker.
/// </summary>
public sealed class DeliveryStoreClaimRaceTests : IAsyncLifetime
{
    private const string HouseholdId = "home-race";
    private CloudTestHost host = null!;
    private FakeTimeProvider later = null!;
    private DeliveryStore worker = null!;

    public async Task InitializeAsync()
    {
        host = await CloudTestHost.StartAsync();
        later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(2));
        worker = new DeliveryStore(host.Service<IStoreProvider>(), later);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task HeldAfterThePartnerEnabledTheSubscriptionSinceTheClaim_StaysQueuedNotHeldForever()
    {
        var (partnerId, subscriptionId) = await SubscribeAsync(SubscriptionStatus.Disabled);
        await QueueAsync(partnerId, subscriptionId, "stock/milk", "older");
        await QueueAsync(partnerId, subscriptionId, "stock/milk", "newer");
        var claimed = Assert.Single(await worker.ClaimDueAsync(10, 10, TimeSpan.FromMinutes(5), [], CancellationToken.None));

        // The partner enables the subscription while the worker, which found it disabled, holds the older one.
        Assert.True(await host.Service<DeliveryStore>().EnableSubscriptionAsync(partnerId, subscriptionId, CancellationToken.None));
        await worker.MarkHeldAsync(claimed, CancellationToken.None);

        // Held now, on an active subscription, nothing would ever make it due again, and the newer one would overtake it.
        Assert.Equal(DeliveryStatus.Pending, await StatusAsync(claimed.Id));
        later.Advance(TimeSpan.FromSeconds(1));
        var next = Assert.Single(await worker.ClaimDueAsync(10, 10, TimeSpan.FromMinutes(5), [], CancellationToken.None));
        Assert.Equal(claimed.Id, next.Id);
    }

    [Fact]
    public async Task HeldAfterConsentWasRevokedSinceTheClaim_StaysCancelled()
    {
        var (partnerId, subscriptionId) = await SubscribeAsync(SubscriptionStatus.Disabled);
        await host.Service<ConsentStore>().PutAsync(HouseholdId, partnerId, ["shg.*"], CancellationToken.None);
        await QueueAsync(partnerId, subscriptionId, "stock/milk", "only");
        var claimed = Assert.Single(await worker.ClaimDueAsync(10, 10, TimeSpan.FromMinutes(5), [], CancellationToken.None));

        await host.Service<ConsentStore>().RevokeAsync(HouseholdId, partnerId, CancellationToken.None);
        await worker.MarkHeldAsync(claimed, CancellationToken.None);

        // Held, it would be sent once the subscription is enabled if the household consented again meanwhile.
        Assert.Equal(DeliveryStatus.Cancelled, await StatusAsync(claimed.Id));
    }

    [Fact]
    public async Task AFailedAttemptRecordedAfterConsentWasRevokedDuringIt_LeavesTheDeliveryCancelled()
    {
        var (partnerId, subscriptionId) = await SubscribeAsync(SubscriptionStatus.Active);
        await host.Service<ConsentStore>().PutAsync(HouseholdId, partnerId, ["shg.*"], CancellationToken.None);
        await QueueAsync(partnerId, subscriptionId, "stock/milk", "only");
        var claimed = Assert.Single(await worker.ClaimDueAsync(10, 10, TimeSpan.FromMinutes(5), [], CancellationToken.None));

        await host.Service<ConsentStore>().RevokeAsync(HouseholdId, partnerId, CancellationToken.None);
        var attempt = new DeliveryAttempt(1, later.GetUtcNow(), 12, AttemptOutcomes.Failed, 500, "the endpoint answered 500");
        Assert.Equal([true], await worker.RecordAttemptsAsync([new RecordedAttempt(claimed, attempt, DeliveryStatus.Failed, 1, later.GetUtcNow().AddSeconds(5))], CancellationToken.None));

        // Failed, it would be retried, and sent if the household consented again before the retry.
        Assert.Equal(DeliveryStatus.Cancelled, await StatusAsync(claimed.Id));
        Assert.Single(await worker.ListAttemptsAsync(partnerId, claimed.Id, CancellationToken.None) ?? []);
    }

    [Fact]
    public async Task AClaimGivenBackAtShutdownAfterConsentWasRevoked_StaysCancelled()
    {
        var (partnerId, subscriptionId) = await SubscribeAsync(SubscriptionStatus.Active);
        await host.Service<ConsentStore>().PutAsync(HouseholdId, partnerId, ["shg.*"], CancellationToken.None);
        await QueueAsync(partnerId, subscriptionId, "stock/milk", "only");
        var claimed = Assert.Single(await worker.ClaimDueAsync(10, 10, TimeSpan.FromMinutes(5), [], CancellationToken.None));

        await host.Service<ConsentStore>().RevokeAsync(HouseholdId, partnerId, CancellationToken.None);
        await worker.ReleaseAsync(claimed, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Cancelled, await StatusAsync(claimed.Id));
    }

    [Fact]
    public async Task AClaimOfASubscriptionDeletedBeforeItsTurn_IsNotSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (partnerId, subscriptionId) = await SubscribeAsync(SubscriptionStatus.Active, receiver.Url);
        await host.Service<ConsentStore>().PutAsync(HouseholdId, partnerId, ["shg.*"], CancellationToken.None);
        await QueueAsync(partnerId, subscriptionId, "stock/milk", "only");
        var claimed = Assert.Single(await worker.ClaimDueAsync(10, 10, TimeSpan.FromMinutes(5), [], CancellationToken.None));

        Assert.True(await host.Service<SubscriptionStore>().DeleteAsync(partnerId, subscriptionId, CancellationToken.None));
        await host.Service<DeliveryProcessor>().ProcessAsync(claimed, sent: () => { }, CancellationToken.None);

        Assert.Empty(receiver.Received);
        Assert.Equal(DeliveryStatus.Cancelled, await StatusAsync(claimed.Id));
    }

    [Fact]
    public async Task EnablingASubscription_MakesItsDeliveryThatFailedWhileItWasBeingDisabledDueAtOnceToo()
    {
        var (partnerId, subscriptionId) = await SubscribeAsync(SubscriptionStatus.Disabled);

        // An attempt under way when the subscription was disabled came back failed, its retry hours away; the rest are held.
        var failed = await QueueAsync(
            partnerId, subscriptionId, "stock/milk", "older", DeliveryStatus.Failed, attempts: 5, nextAttemptAt: later.GetUtcNow().AddHours(10));
        await QueueAsync(partnerId, subscriptionId, "stock/milk", "newer", DeliveryStatus.Held);
        Assert.True(await host.Service<DeliveryStore>().EnableSubscriptionAsync(partnerId, subscriptionId, CancellationToken.None));

        // Else the held one, due at once, would wait behind it for those hours.
        var claimed = Assert.Single(await worker.ClaimDueAsync(10, 10, TimeSpan.FromMinutes(5), [], CancellationToken.None));
        Assert.Equal(failed, claimed.Id);
        Assert.Equal(0, claimed.Failures);
    }

    private async Task<(string PartnerId, string SubscriptionId)> SubscribeAsync(string status, Uri? webhook = null)
    {
        var (partnerId, _) = await host.CreatePartnerAsync();
        var subscriptionId = "sub-" + Guid.NewGuid().ToString("N");
        await host.Service<SubscriptionStore>().AddAsync(
            new SubscriptionRecord(subscriptionId, partnerId, ["shg.*"], webhook?.AbsoluteUri, webhook is null, status, DateTimeOffset.UtcNow), "whsec_AAAA", CancellationToken.None);
        return (partnerId, subscriptionId);
    }

    private async Task<string> QueueAsync(
        string partnerId, string subscriptionId, string subject, string name, string status = DeliveryStatus.Pending, int attempts = 0, DateTimeOffset? nextAttemptAt = null)
    {
        var due = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds();
        var id = Guid.CreateVersion7().ToString("N");
        var eventId = $"{name}-{Guid.NewGuid():N}";
        await using var connection = await host.Service<IStoreProvider>().OpenAsync(CancellationToken.None);
        await using var command = connection.Command("""
            INSERT INTO events (id, household_id, type, subject, time, data_json, created_at)
            VALUES (@event, @household, 'shg.stock.low.v1', @subject, @time, '{}', @due);
            INSERT INTO deliveries (id, event_id, subscription_id, partner_id, status, attempts, failures, next_attempt_at, created_at, updated_at, subject)
            VALUES (@id, @event, @subscription, @partner, @status, @attempts, @attempts, @next, @due, @due, @subject);
            """)
            .With("@status", status).With("@attempts", attempts).With("@next", nextAttemptAt?.ToUnixTimeMilliseconds() ?? due)
            .With("@event", eventId).With("@household", HouseholdId).With("@subject", subject).With("@time", DateTimeOffset.UtcNow.ToString("O"))
            .With("@due", due).With("@id", id).With("@subscription", subscriptionId).With("@partner", partnerId);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private async Task<string> StatusAsync(string deliveryId)
    {
        await using var connection = await host.Service<IStoreProvider>().OpenAsync(CancellationToken.None);
        await using var command = connection.Command("SELECT status FROM deliveries WHERE id = @id").With("@id", deliveryId);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
