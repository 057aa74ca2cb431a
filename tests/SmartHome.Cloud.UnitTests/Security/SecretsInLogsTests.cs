using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Cloud.UnitTests.Notifications;
using SmartHome.Cloud.UnitTests.Outbox;

namespace SmartHome.Cloud.UnitTests.Security;

public class SecretsInLogsTests
{
    [Fact]
    public async Task EverySecretMadeOrUsed_AppearsInNoLogMessageStateOrException()
    {
        await using var failing = await WebhookReceiver.StartAsync(() => 500);
        await using var answering = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync(
            services: services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging()));
        var householderToken = await sut.CreateHouseholderTokenAsync(WebhookDeliveryTests.HouseholdId);
        var refused = await SubscribedPartner.CreateAsync(sut, failing.Url, name: "Refused");
        var accepted = await SubscribedPartner.CreateAsync(sut, answering.Url, name: "Accepted");
        var (rotatedSecret, _) = await accepted.RotateAsync(sut);
        using var asHouseholder = sut.Client(householderToken);
        foreach (var partner in new[] { refused, accepted })
        {
            using var consent = await asHouseholder.PutAsJsonAsync($"/api/v1/household/consents/{partner.PartnerId}", new { types = new[] { "shg.*" } });
            Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        }

        const string householdWebhookToken = "tk_Zr4pW9xQ2mLk8NvB3cYd";
        using var householdWebhook = await asHouseholder.PutAsJsonAsync(
            "/api/v1/household/notification-webhook", new { url = answering.Url, format = "json", token = householdWebhookToken });
        var householdWebhookSecret = (await householdWebhook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        await HouseholdWebhookSteps.StoreAsync(
            sut, HouseholdWebhookSteps.Notification(DateTimeOffset.UtcNow) with { HouseholdId = WebhookDeliveryTests.HouseholdId });
        using var tested = await asHouseholder.PostAsync("/api/v1/household/notification-webhook/test", null);
        await Wait.ForJsonAsync(
            async () => await asHouseholder.GetFromJsonAsync<JsonElement>("/api/v1/household/notification-webhook") is var view
                && view.TryGetProperty("lastDeliveredAt", out _) ? view : null,
            "the notification sent to the household's webhook");

        using var unknownToken = sut.Client(householderToken[..^4] + "AAAA");
        using var refusedUnknown = await unknownToken.GetAsync("/api/v1/household");
        using var wrongRole = sut.Client(refused.ApiKey);
        using var refusedRole = await wrongRole.GetAsync("/api/v1/household");
        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(WebhookDeliveryTests.HouseholdId));
        await WebhookDeliveryTests.AssertDeliveryAsync(sut, refused.ApiKey, "failed", attempts: 1);
        await WebhookDeliveryTests.AssertDeliveryAsync(sut, accepted.ApiKey, "delivered", attempts: 1);

        var records = sut.Service<FakeLogCollector>().GetSnapshot();
        var eventIds = records.Select(r => r.Id.Id).ToHashSet();
        Assert.Equal(HttpStatusCode.Unauthorized, refusedUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedRole.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tested.StatusCode);
        Assert.Superset(new HashSet<int> { 2200, 2201, 2270, 2400, 2411 }, eventIds); // delivered, attempt failed, sent to the household's webhook, unknown token, secret rotated
        string[] secrets =
        [
            CloudTestHost.AdminKey, householderToken, refused.ApiKey, accepted.ApiKey, refused.Secret, accepted.Secret, rotatedSecret,
            householdWebhookToken, householdWebhookSecret,
        ];
        var texts = records.SelectMany(r => new[] { r.Message, r.Exception?.ToString() }
            .Concat(r.StructuredState?.Select(s => s.Value) ?? []))
            .OfType<string>()
            .ToList();
        foreach (var secret in secrets)
        {
            var randomPart = secret[(secret.IndexOf('_', StringComparison.Ordinal) + 1)..];
            Assert.DoesNotContain(texts, t => t.Contains(randomPart, StringComparison.Ordinal));
        }
    }
}
