using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Notifications.Webhook;
using SmartHome.Cloud.Options;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Serialization;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Notifications;

/// <summary>What the household webhook tests do: set the webhook up, store notifications as ingest does, and let the fake clock run.</summary>
internal static class HouseholdWebhookSteps
{
    public const string HouseholdId = "home-n";
    public const string WebhookPath = "/api/v1/household/notification-webhook";

    /// <summary>A fake clock at now in whole milliseconds, as the store keeps times.</summary>
    public static FakeTimeProvider NewClock() => new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    /// <summary>A cloud on <paramref name="time"/> whose webhook dispatcher polls often.</summary>
    public static Task<CloudTestHost> StartAsync(FakeTimeProvider time, Action<Dictionary<string, string?>>? configure = null, string? databasePath = null) =>
        CloudTestHost.StartAsync(
            settings =>
            {
                settings["SmartHome:Cloud:Notifications:Webhook:PollInterval"] = "00:00:00.050";
                configure?.Invoke(settings);
            },
            time,
            databasePath);

    public static async Task<HttpClient> HouseholderAsync(CloudTestHost sut) => sut.Client(await sut.CreateHouseholderTokenAsync(HouseholdId));

    /// <summary>PUTs the webhook and answers its view (with the secret of a json one).</summary>
    public static async Task<JsonElement> PutWebhookAsync(HttpClient householder, object body)
    {
        using var response = await householder.PutAsJsonAsync(WebhookPath, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static HouseholdNotification Notification(
        DateTimeOffset at, NotificationSeverity severity = NotificationSeverity.Urgent, string title = "Milk is unsafe", string? subject = "items/milk-1") => new()
    {
        Id = Guid.NewGuid(),
        HouseholdId = HouseholdId,
        EventId = Guid.NewGuid().ToString(),
        Type = "shg.food.unsafe.v1",
        Severity = severity,
        Title = title,
        Body = "Milk spent 3 h above 5 °C; throw it away.",
        Subject = subject,
        At = at,
    };

    /// <summary>Stores a notification as the household's change does (now on the fake clock unless <paramref name="createdAt"/>), held until <paramref name="releaseAt"/>.</summary>
    public static async Task<string> StoreAsync(
        CloudTestHost sut, HouseholdNotification notification, DateTimeOffset? releaseAt = null, DateTimeOffset? createdAt = null)
    {
        var json = JsonSerializer.Serialize(notification, ContractsJsonContext.Default.HouseholdNotification);
        await using (var connection = await sut.Service<IStoreProvider>().OpenAsync(CancellationToken.None))
        {
            await using var command = connection.Command("""
                INSERT INTO notifications (id, household_id, event_id, json, created_at, published_at, release_at)
                VALUES (@id, @household, @event, @json, @created, NULL, @release)
                """)
                .With("@id", notification.Id.ToString()).With("@household", notification.HouseholdId).With("@event", notification.EventId)
                .With("@json", json).With("@created", (createdAt ?? sut.Service<TimeProvider>().GetUtcNow()).ToUnixTimeMilliseconds())
                .With("@release", releaseAt?.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync();
        }

        sut.Service<OutboxSignals>().HouseholdWebhooks.Notify();
        return json;
    }

    /// <summary>Waits until the dispatcher has done everything due now: no send is in flight and none could be claimed.</summary>
    public static Task SettleAsync(CloudTestHost sut)
    {
        var dispatcher = sut.App.Services.GetServices<IHostedService>().OfType<HouseholdWebhookDispatcher>().Single();
        var settings = sut.Service<IOptions<NotificationWebhookOptions>>().Value;
        return Eventually.TrueAsync(
            async () => await dispatcher.RunOnceAsync(settings, CancellationToken.None) == 0 && await CountInFlightAsync(sut) == 0,
            Wait.Timeout,
            "the household webhook sends due now");
    }

    /// <summary>Advances the clock by <paramref name="step"/> until <paramref name="until"/>, settling after each step.</summary>
    public static async Task RunClockAsync(CloudTestHost sut, FakeTimeProvider time, TimeSpan until, TimeSpan step)
    {
        await SettleAsync(sut);
        for (var run = TimeSpan.Zero; run < until; run += step)
        {
            time.Advance(step);
            await SettleAsync(sut);
        }
    }

    /// <summary>The send of one notification: status, attempts, last error; null when none was queued.</summary>
    public static async Task<(string Status, int Attempts, string? LastError)?> SendOfAsync(CloudTestHost sut, Guid notificationId)
    {
        await using var connection = await sut.Service<IStoreProvider>().OpenAsync(CancellationToken.None);
        await using var command = connection.Command("SELECT status, attempts, last_error FROM household_webhook_sends WHERE notification_id = @id")
            .With("@id", notificationId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetInt32(1), reader.GetNullableString(2)) : null;
    }

    private static async Task<long> CountInFlightAsync(CloudTestHost sut)
    {
        await using var connection = await sut.Service<IStoreProvider>().OpenAsync(CancellationToken.None);
        await using var command = connection.Command("SELECT COUNT(*) FROM household_webhook_sends WHERE claim_token IS NOT NULL");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
