using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Apis;

public sealed class ValidationTests : IAsyncLifetime
{
    private CloudTestHost sut = null!;

    public async Task InitializeAsync() => sut = await CloudTestHost.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Fact]
    public async Task CreatePartner_UnknownKind_Returns400ProblemNamingTheField()
    {
        using var admin = sut.Client(CloudTestHost.AdminKey);

        using var response = await admin.PostAsJsonAsync("/api/v1/partners", new { name = "FreshMart", kind = "butcher" });

        var errors = await ProblemErrorsAsync(response);
        Assert.Contains("grocery", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePartner_Valid_Returns201WithIdAndPrefixedKey()
    {
        using var admin = sut.Client(CloudTestHost.AdminKey);

        using var response = await admin.PostAsJsonAsync("/api/v1/partners", new { name = "FreshMart", kind = "grocery" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("id").GetString()));
        Assert.StartsWith("shp_", body.GetProperty("apiKey").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateHouseholderToken_InvalidHouseholdId_Returns400Problem()
    {
        using var admin = sut.Client(CloudTestHost.AdminKey);

        using var response = await admin.PostAsync("/api/v1/households/bad%20id/tokens", null);

        Assert.True((await ProblemErrorsAsync(response)).TryGetProperty("householdId", out _));
    }

    [Fact]
    public async Task CreateSubscription_InvalidTypes_Returns400ProblemPerEntry()
    {
        using var partner = sut.Client((await sut.CreatePartnerAsync()).ApiKey);

        using var response = await partner.PostAsJsonAsync("/api/v1/subscriptions", new { types = new[] { "shg.food.*", "shg.*.v1", "bad type" }, mqtt = new { } });

        var errors = await ProblemErrorsAsync(response);
        Assert.True(errors.TryGetProperty("types[1]", out _));
        Assert.True(errors.TryGetProperty("types[2]", out _));
        Assert.False(errors.TryGetProperty("types[0]", out _));
    }

    [Fact]
    public async Task CreateSubscription_NoTypesAndNoTarget_Returns400ProblemForBoth()
    {
        using var partner = sut.Client((await sut.CreatePartnerAsync()).ApiKey);

        using var response = await partner.PostAsJsonAsync("/api/v1/subscriptions", new { types = Array.Empty<string>() });

        var errors = await ProblemErrorsAsync(response);
        Assert.True(errors.TryGetProperty("types", out _));
        Assert.True(errors.TryGetProperty("webhook", out _));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("https://user:pass@example.com/hook")]
    public async Task CreateSubscription_BadWebhookUrl_Returns400ProblemWithReason(string url)
    {
        using var partner = sut.Client((await sut.CreatePartnerAsync()).ApiKey);

        using var response = await partner.PostAsJsonAsync("/api/v1/subscriptions", new { types = new[] { "shg.food.*" }, webhook = new { url } });

        Assert.False(string.IsNullOrEmpty((await ProblemErrorsAsync(response)).GetProperty("webhook.url")[0].GetString()));
    }

    [Fact]
    public async Task CreateSubscription_PrivateAddressWhenNotAllowed_Returns400Problem()
    {
        await using var strict = await CloudTestHost.StartAsync(s => s["SmartHome:Cloud:Delivery:AllowPrivateNetworks"] = "false");
        using var partner = strict.Client((await strict.CreatePartnerAsync()).ApiKey);

        using var response = await partner.PostAsJsonAsync("/api/v1/subscriptions", new { types = new[] { "shg.food.*" }, webhook = new { url = "https://10.1.2.3/hook" } });

        Assert.Contains("non-public", (await ProblemErrorsAsync(response)).GetProperty("webhook.url")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSubscription_MalformedJson_Returns400Problem()
    {
        using var partner = sut.Client((await sut.CreatePartnerAsync()).ApiKey);

        using var response = await partner.PostAsync("/api/v1/subscriptions", new StringContent("{\"types\": [", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CreateSubscription_EndpointFailsHandshake_Returns422AndCreatesNothing()
    {
        await using var endpoint = await LoopbackHttpServer.StartAsync(_ => Task.CompletedTask);
        using var partner = sut.Client((await sut.CreatePartnerAsync()).ApiKey);

        using var response = await partner.PostAsJsonAsync("/api/v1/subscriptions", new { types = new[] { "shg.food.*" }, webhook = new { url = new Uri(endpoint.BaseAddress, "/hook") } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await partner.GetFromJsonAsync<JsonElement>("/api/v1/subscriptions")).GetArrayLength());
    }

    [Fact]
    public async Task CreateSubscription_EndpointPassesHandshake_Returns201ActiveWithSecret()
    {
        await using var endpoint = await WebhookReceiver.StartAsync();
        using var partner = sut.Client((await sut.CreatePartnerAsync()).ApiKey);

        using var response = await partner.PostAsJsonAsync("/api/v1/subscriptions", new { types = new[] { "shg.food.*" }, webhook = new { url = endpoint.Url } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var listed = Assert.Single((await partner.GetFromJsonAsync<JsonElement>("/api/v1/subscriptions")).EnumerateArray());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("active", body.GetProperty("status").GetString());
        Assert.StartsWith("whsec_", body.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal(endpoint.Url.AbsoluteUri, listed.GetProperty("webhook").GetProperty("url").GetString());
        Assert.False(listed.TryGetProperty("secret", out _));
    }

    [Fact]
    public async Task ListDeliveries_UnknownStatus_Returns400Problem()
    {
        using var partner = sut.Client((await sut.CreatePartnerAsync()).ApiKey);

        using var response = await partner.GetAsync("/api/v1/deliveries?status=lost");

        Assert.True((await ProblemErrorsAsync(response)).TryGetProperty("status", out _));
    }

    [Fact]
    public async Task PutConsent_UnknownPartner_Returns404Problem()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-1"));

        using var response = await householder.PutAsJsonAsync("/api/v1/household/consents/nobody", new { types = new[] { "shg.food.*" } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Consents_PutListRevoke_RoundTrip()
    {
        var (partnerId, _) = await sut.CreatePartnerAsync("Recipes", "recipe");
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-1"));

        using var put = await householder.PutAsJsonAsync($"/api/v1/household/consents/{partnerId}", new { types = new[] { "shg.food.*" } });
        var listed = Assert.Single((await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/consents")).EnumerateArray());
        using var revoked = await householder.DeleteAsync($"/api/v1/household/consents/{partnerId}");
        var afterRevoke = await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/consents");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(partnerId, listed.GetProperty("partnerId").GetString());
        Assert.Equal("shg.food.*", listed.GetProperty("types")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(0, afterRevoke.GetArrayLength());
    }

    [Fact]
    public async Task ListNotifications_LimitOutOfRange_Returns400Problem()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-1"));

        using var response = await householder.GetAsync("/api/v1/household/notifications?limit=501");

        Assert.True((await ProblemErrorsAsync(response)).TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task GetHousehold_NoTelemetryYet_Returns200EmptyTwin()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("quiet-home"));

        using var response = await householder.GetAsync("/api/v1/household");
        var twin = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("quiet-home", twin.GetProperty("householdId").GetString());
        Assert.Equal(0, twin.GetProperty("inventory").GetArrayLength());
    }

    private static async Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }
}
