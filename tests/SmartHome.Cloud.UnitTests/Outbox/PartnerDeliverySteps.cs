using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Cloud.Ingest;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Outbox;

/// <summary>What the delivery tests of consent, filters, staleness and order do: subscribe, consent, raise, and let the fake clock run.</summary>
internal static class PartnerDeliverySteps
{
    public static async Task<(string Id, string ApiKey, string SubscriptionId)> SubscribeAsync(
        CloudTestHost sut, Uri url, string[] types, string kind = "grocery", object? filter = null)
    {
        var (id, apiKey, subscription) = await CreateSubscriptionAsync(sut, url, types, kind, filter);
        return (id, apiKey, subscription.GetProperty("id").GetString()!);
    }

    /// <summary>A new partner of <paramref name="kind"/> with a webhook subscription; answers the subscription as created (id, secret, status).</summary>
    public static async Task<(string Id, string ApiKey, JsonElement Subscription)> CreateSubscriptionAsync(
        CloudTestHost sut, Uri url, string[] types, string kind = "grocery", object? filter = null)
    {
        var (id, apiKey) = await sut.CreatePartnerAsync(kind, kind);
        using var partner = sut.Client(apiKey);
        using var response = await partner.PostAsJsonAsync("/api/v1/subscriptions", new { types, webhook = new { url }, filter });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (id, apiKey, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static async Task ConsentAsync(CloudTestHost sut, string householdId, string partnerId, params string[] types)
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync(householdId));
        using var response = await householder.PutAsJsonAsync($"/api/v1/household/consents/{partnerId}", new { types });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Changes the household's twin and raises the events in one transaction, as ingest does.</summary>
    public static Task ChangeAsync(CloudTestHost sut, string householdId, Action<HouseholdTwin> change, params NeedEvent[] events) =>
        sut.Service<HouseholdUpdater>().ChangeAsync(householdId, null, twin =>
        {
            change(twin);
            return events;
        }, CancellationToken.None);

    public static NeedEvent Event<TData>(string householdId, string type, string? subject, DateTimeOffset time, TData data, JsonTypeInfo<TData> typeInfo) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Type = type,
        HouseholdId = householdId,
        Subject = subject,
        Time = time,
        Data = JsonSerializer.SerializeToElement(data, typeInfo),
    };

    /// <summary>The partner's deliveries by the id of the event each carries.</summary>
    public static async Task<Dictionary<string, JsonElement>> DeliveriesByEventAsync(CloudTestHost sut, string apiKey)
    {
        using var partner = sut.Client(apiKey);
        var list = await partner.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?limit=500");
        return list.EnumerateArray().ToDictionary(d => d.GetProperty("eventId").GetString()!);
    }

    /// <summary>Advances the clock by <paramref name="step"/> until <paramref name="until"/>, letting the worker finish what each step made due.</summary>
    public static async Task RunClockAsync(CloudTestHost sut, FakeTimeProvider time, TimeSpan until, TimeSpan step)
    {
        await SettleAsync(sut, time);
        for (var run = TimeSpan.Zero; run < until; run += step)
        {
            time.Advance(step);
            await SettleAsync(sut, time);
        }
    }

    /// <summary>
    /// Waits until the worker has done what is due now. A worker that was between a claim and its next poll when the
    /// clock moved waits for a poll timer of the fake clock that does not move now, so it is woken as new work wakes it.
    /// </summary>
    private static Task SettleAsync(CloudTestHost sut, TimeProvider time) => Eventually.TrueAsync(
        async () =>
        {
            if (await IsSettledAsync(sut, time))
            {
                return true;
            }

            sut.Service<OutboxSignals>().Deliveries.Notify();
            return false;
        },
        Wait.Timeout,
        $"the deliveries due at {time.GetUtcNow():O}");

    /// <summary>No attempt is under way and none could be claimed now (due, and not waiting behind an older one of its subject).</summary>
    private static async Task<bool> IsSettledAsync(CloudTestHost sut, TimeProvider time)
    {
        await using var connection = await sut.Service<IStoreProvider>().OpenAsync(CancellationToken.None);
        await using var command = connection.Command("""
            SELECT COUNT(*) FROM deliveries d
            WHERE d.status IN ('pending', 'failed')
              AND (d.claim_token IS NOT NULL
                   OR (d.next_attempt_at <= @now AND NOT EXISTS (
                       SELECT 1 FROM deliveries o
                       WHERE o.subscription_id = d.subscription_id AND o.subject = d.subject
                         AND o.status IN ('pending', 'failed') AND o.rowid < d.rowid)))
            """).With("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
        return (long)(await command.ExecuteScalarAsync())! == 0;
    }
}
