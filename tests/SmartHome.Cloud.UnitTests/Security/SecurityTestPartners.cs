using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Cloud.UnitTests.Hosting;

namespace SmartHome.Cloud.UnitTests.Security;

/// <summary>A partner with one subscription (a webhook, or MQTT when no URL is given), made through the API.</summary>
internal sealed record SubscribedPartner(string PartnerId, string ApiKey, string SubscriptionId, string Secret)
{
    public static async Task<SubscribedPartner> CreateAsync(CloudTestHost sut, Uri? webhookUrl, string types = "shg.stock.*", string name = "FreshMart")
    {
        var (partnerId, apiKey) = await sut.CreatePartnerAsync(name);
        using var client = sut.Client(apiKey);
        object body = webhookUrl is null
            ? new { types = new[] { types }, mqtt = new { } }
            : new { types = new[] { types }, webhook = new { url = webhookUrl } };
        using var response = await client.PostAsJsonAsync("/api/v1/subscriptions", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new SubscribedPartner(partnerId, apiKey, created.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
    }

    /// <summary>Rotates the subscription's secret; the new secret and when the old one stops signing.</summary>
    public async Task<(string Secret, DateTimeOffset PreviousSecretExpiresAt)> RotateAsync(CloudTestHost sut)
    {
        using var client = sut.Client(ApiKey);
        using var response = await client.PostAsync($"/api/v1/subscriptions/{SubscriptionId}/secret", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rotated = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(SubscriptionId, rotated.GetProperty("id").GetString());
        return (rotated.GetProperty("secret").GetString()!, rotated.GetProperty("previousSecretExpiresAt").GetDateTimeOffset());
    }
}
