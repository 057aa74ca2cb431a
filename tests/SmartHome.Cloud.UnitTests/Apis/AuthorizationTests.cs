using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Cloud.UnitTests.Hosting;

namespace SmartHome.Cloud.UnitTests.Apis;

public sealed class AuthorizationTests : IAsyncLifetime
{
    private CloudTestHost sut = null!;

    public async Task InitializeAsync() => sut = await CloudTestHost.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Theory]
    [InlineData("GET", "/api/v1/subscriptions")]
    [InlineData("GET", "/api/v1/deliveries")]
    [InlineData("GET", "/api/v1/household")]
    [InlineData("GET", "/api/v1/household/notifications")]
    [InlineData("POST", "/api/v1/partners")]
    [InlineData("POST", "/api/v1/households/home-1/tokens")]
    public async Task Request_WithoutToken_Returns401Problem(string method, string path)
    {
        using var client = sut.Client();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-the-admin-key-at-all")]
    [InlineData("shp_unknownpartnerkey")]
    [InlineData("shh_unknownhouseholdertoken")]
    public async Task Request_UnknownToken_Returns401(string token)
    {
        using var client = sut.Client(token);

        using var response = await client.GetAsync("/api/v1/subscriptions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WrongRole_Returns403Problem()
    {
        var (_, apiKey) = await sut.CreatePartnerAsync();
        var householder = await sut.CreateHouseholderTokenAsync("home-1");
        using var asPartner = sut.Client(apiKey);
        using var asHouseholder = sut.Client(householder);
        using var asAdmin = sut.Client(CloudTestHost.AdminKey);

        using var partnerCreatesPartner = await asPartner.PostAsJsonAsync("/api/v1/partners", new { name = "X", kind = "other" });
        using var partnerReadsHousehold = await asPartner.GetAsync("/api/v1/household");
        using var householderSubscribes = await asHouseholder.GetAsync("/api/v1/subscriptions");
        using var adminReadsHousehold = await asAdmin.GetAsync("/api/v1/household");

        Assert.All(
            [partnerCreatesPartner, partnerReadsHousehold, householderSubscribes, adminReadsHousehold],
            r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal("application/problem+json", householderSubscribes.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Subscriptions_OfAnotherPartner_AreInvisibleAndCannotBeDeleted()
    {
        var partnerA = await sut.CreatePartnerAsync("A", "grocery");
        var partnerB = await sut.CreatePartnerAsync("B", "recipe");
        using var asA = sut.Client(partnerA.ApiKey);
        using var asB = sut.Client(partnerB.ApiKey);
        using var created = await asB.PostAsJsonAsync("/api/v1/subscriptions", new { types = new[] { "shg.stock.*" }, mqtt = new { } });
        var subscriptionOfB = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var seenByA = await asA.GetFromJsonAsync<JsonElement>("/api/v1/subscriptions");
        using var deleteByA = await asA.DeleteAsync($"/api/v1/subscriptions/{subscriptionOfB}");
        using var deleteUnknown = await asA.DeleteAsync("/api/v1/subscriptions/sub_doesnotexist");
        var seenByB = await asB.GetFromJsonAsync<JsonElement>("/api/v1/subscriptions");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(0, seenByA.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, deleteByA.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleteUnknown.StatusCode);
        Assert.Equal(subscriptionOfB, Assert.Single(seenByB.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task DeleteSubscription_Own_Returns204AndHidesIt()
    {
        var partner = await sut.CreatePartnerAsync();
        using var client = sut.Client(partner.ApiKey);
        using var created = await client.PostAsJsonAsync("/api/v1/subscriptions", new { types = new[] { "shg.stock.low.v1" }, mqtt = new { } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var deleted = await client.DeleteAsync($"/api/v1/subscriptions/{id}");
        using var deletedAgain = await client.DeleteAsync($"/api/v1/subscriptions/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/subscriptions")).GetArrayLength());
    }
}
