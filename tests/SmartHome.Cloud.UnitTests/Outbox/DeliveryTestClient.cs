using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Outbox;

/// <summary>A partner's view of its deliveries, subscriptions and notices, for the delivery lifecycle tests.</summary>
internal static class DeliveryTestClient
{
    /// <summary>A clock at a whole second (HTTP dates have no fractions), near now.</summary>
    public static DateTimeOffset WholeSecondNow()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>The worker's poll interval in <see cref="CloudTestHost.DefaultSettings"/>.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Moves the fake clock on by <paramref name="by"/>, then by the worker's poll interval at each look until
    /// <paramref name="condition"/> holds: the worker may arm its poll timer just after the jump, and would otherwise
    /// wait for fake time that never passes.
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider time, TimeSpan by, Func<Task<bool>> condition, string what)
    {
        time.Advance(by);
        await Eventually.TrueAsync(
            async () =>
            {
                if (await condition())
                {
                    return true;
                }

                time.Advance(PollInterval);
                return false;
            },
            Wait.Timeout,
            what);
    }

    /// <summary>The partner's deliveries, newest first, of one status or (null) all.</summary>
    public static async Task<JsonElement[]> DeliveriesAsync(CloudTestHost sut, string apiKey, string? status)
    {
        using var partner = sut.Client(apiKey);
        var list = await partner.GetFromJsonAsync<JsonElement>(status is null ? "/api/v1/deliveries" : $"/api/v1/deliveries?status={status}");
        return [.. list.EnumerateArray()];
    }

    /// <summary>Whether the partner has <paramref name="count"/> deliveries, each with <paramref name="attempts"/> attempts recorded.</summary>
    public static async Task<bool> AttemptedAsync(CloudTestHost sut, string apiKey, int count, int attempts) =>
        await DeliveriesAsync(sut, apiKey, null) is { } all && all.Length == count && all.All(d => d.GetProperty("attempts").GetInt32() == attempts);

    /// <summary>Waits until the partner has <paramref name="count"/> deliveries of <paramref name="status"/> and answers them.</summary>
    public static async Task<JsonElement[]> WaitForDeliveriesAsync(CloudTestHost sut, string apiKey, string status, int count)
    {
        JsonElement[] found = [];
        await Eventually.TrueAsync(
            async () => (found = await DeliveriesAsync(sut, apiKey, status)).Length == count, Wait.Timeout, $"{count} {status} deliveries");
        return found;
    }

    public static async Task<JsonElement[]> AttemptsAsync(CloudTestHost sut, string apiKey, string deliveryId)
    {
        using var partner = sut.Client(apiKey);
        var list = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/deliveries/{deliveryId}/attempts");
        return [.. list.EnumerateArray()];
    }

    public static async Task<JsonElement> SubscriptionAsync(CloudTestHost sut, string apiKey)
    {
        using var partner = sut.Client(apiKey);
        var list = await partner.GetFromJsonAsync<JsonElement>("/api/v1/subscriptions");
        return Assert.Single(list.EnumerateArray());
    }

    public static async Task<JsonElement[]> NoticesAsync(CloudTestHost sut, string apiKey)
    {
        using var partner = sut.Client(apiKey);
        var list = await partner.GetFromJsonAsync<JsonElement>("/api/v1/partner/notices");
        return [.. list.EnumerateArray()];
    }
}
