using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Cloud.UnitTests.Outbox;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.UnitTests.Security;

/// <summary>
/// Who may call what: every endpoint the app maps is in <see cref="Endpoints"/> (a test enumerates the app's
/// endpoints, so a new one cannot be left out), and for each, no token gets 401 and every other role's token 403;
/// another partner's resources answer 404 and another household's data is not seen.
/// </summary>
public sealed partial class AccessMatrixTests(AccessMatrixTests.Fixture fixture) : IClassFixture<AccessMatrixTests.Fixture>
{
    private const string Anyone = "anyone";

    /// <summary>Every mapped endpoint, "METHOD route pattern", and the role it requires.</summary>
    public static readonly IReadOnlyDictionary<string, string> Endpoints = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GET /healthz"] = Anyone,
        ["GET /openapi/{documentName}.json"] = Anyone,
        ["POST /api/v1/partners/"] = CloudRoles.Admin,
        ["POST /api/v1/households/{householdId}/tokens/"] = CloudRoles.Admin,
        ["POST /api/v1/subscriptions/"] = CloudRoles.Partner,
        ["GET /api/v1/subscriptions/"] = CloudRoles.Partner,
        ["DELETE /api/v1/subscriptions/{id}"] = CloudRoles.Partner,
        ["POST /api/v1/subscriptions/{id}/secret"] = CloudRoles.Partner,
        ["POST /api/v1/subscriptions/{id}/enable"] = CloudRoles.Partner,
        ["GET /api/v1/deliveries/"] = CloudRoles.Partner,
        ["GET /api/v1/deliveries/{id}/attempts"] = CloudRoles.Partner,
        ["POST /api/v1/deliveries/{id}/redrive"] = CloudRoles.Partner,
        ["POST /api/v1/deliveries/redrive"] = CloudRoles.Partner,
        ["GET /api/v1/partner/notices/"] = CloudRoles.Partner,
        ["GET /api/v1/household/"] = CloudRoles.Householder,
        ["GET /api/v1/household/settings"] = CloudRoles.Householder,
        ["PUT /api/v1/household/settings"] = CloudRoles.Householder,
        ["GET /api/v1/household/notifications/"] = CloudRoles.Householder,
        ["GET /api/v1/household/consents/"] = CloudRoles.Householder,
        ["PUT /api/v1/household/consents/{partnerId}"] = CloudRoles.Householder,
        ["DELETE /api/v1/household/consents/{partnerId}"] = CloudRoles.Householder,
        ["GET /api/v1/household/inventory"] = CloudRoles.Householder,
        ["GET /api/v1/household/temperatures"] = CloudRoles.Householder,
        ["GET /api/v1/household/partners/"] = CloudRoles.Householder,
        ["GET /api/v1/household/notifications/stream"] = CloudRoles.Householder,
        ["GET /api/v1/household/notification-webhook/"] = CloudRoles.Householder,
        ["PUT /api/v1/household/notification-webhook/"] = CloudRoles.Householder,
        ["DELETE /api/v1/household/notification-webhook/"] = CloudRoles.Householder,
        ["POST /api/v1/household/notification-webhook/test"] = CloudRoles.Householder,
    };

    /// <summary>Partner A acting on partner B's subscription: "METHOD path" with <c>{id}</c> standing for B's subscription id.</summary>
    public static readonly TheoryData<string> OtherPartnersSubscription = new()
    {
        "DELETE /api/v1/subscriptions/{id}",
        "POST /api/v1/subscriptions/{id}/secret",
        "POST /api/v1/subscriptions/{id}/enable",
    };

    /// <summary>Partner A acting on partner B's delivery: "METHOD path" with <c>{id}</c> standing for B's delivery id.</summary>
    public static readonly TheoryData<string> OtherPartnersDelivery = new()
    {
        "GET /api/v1/deliveries/{id}/attempts",
        "POST /api/v1/deliveries/{id}/redrive",
    };

    public static TheoryData<string> Protected => [.. Endpoints.Where(e => e.Value != Anyone).Select(e => e.Key)];

    public static TheoryData<string> AnonymousEndpoints => [.. Endpoints.Where(e => e.Value == Anyone).Select(e => e.Key)];

    [Fact]
    public void Endpoints_EveryMappedEndpoint_IsInTheMatrixWithTheRoleItRequires()
    {
        var mapped = MappedEndpoints(fixture.Host).ToDictionary(e => e.Key, e => e.Role, StringComparer.Ordinal);

        Assert.Equal(Endpoints.Keys.Order(StringComparer.Ordinal), mapped.Keys.Order(StringComparer.Ordinal));
        Assert.All(mapped, e => Assert.True(Endpoints[e.Key] == e.Value, $"{e.Key} requires {e.Value}, the matrix says {Endpoints[e.Key]}"));
    }

    [Theory]
    [MemberData(nameof(Protected))]
    public async Task Endpoint_WithoutToken_Returns401Problem(string endpoint)
    {
        using var client = fixture.Host.Client();

        using var response = await client.SendAsync(Request(endpoint));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Protected))]
    public async Task Endpoint_UnknownTokenOfTheRightKind_Returns401(string endpoint)
    {
        var token = Endpoints[endpoint] switch
        {
            CloudRoles.Partner => "shp_" + new string('x', 43),
            CloudRoles.Householder => "shh_" + new string('x', 43),
            _ => "not-the-admin-key-0123456789",
        };
        using var client = fixture.Host.Client(token);

        using var response = await client.SendAsync(Request(endpoint));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Protected))]
    public async Task Endpoint_EveryOtherRole_Returns403Problem(string endpoint)
    {
        foreach (var (role, token) in fixture.TokenByRole.Where(r => r.Key != Endpoints[endpoint]))
        {
            using var client = fixture.Host.Client(token);

            using var response = await client.SendAsync(Request(endpoint));

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{endpoint} as {role}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [MemberData(nameof(AnonymousEndpoints))]
    public async Task Endpoint_Anonymous_AnswersWithoutToken(string endpoint)
    {
        using var client = fixture.Host.Client();

        using var response = await client.SendAsync(Request(endpoint.Replace("{documentName}", "v1", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(OtherPartnersSubscription))]
    public async Task Subscription_OfAnotherPartner_Returns404AndStaysUntouched(string endpoint)
    {
        using var asA = fixture.Host.Client(fixture.PartnerA.ApiKey);

        using var response = await asA.SendAsync(Request(endpoint.Replace("{id}", fixture.PartnerB.SubscriptionId, StringComparison.Ordinal)));
        using var unknown = await asA.SendAsync(Request(endpoint.Replace("{id}", "sub_doesnotexist", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var unknownProblem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(unknownProblem.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
        using var asB = fixture.Host.Client(fixture.PartnerB.ApiKey);
        var ofB = await asB.GetFromJsonAsync<JsonElement>("/api/v1/subscriptions");
        Assert.Equal(fixture.PartnerB.SubscriptionId, Assert.Single(ofB.EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(OtherPartnersDelivery))]
    public async Task Delivery_OfAnotherPartner_Returns404LikeAnUnknownOne(string endpoint)
    {
        using var asA = fixture.Host.Client(fixture.PartnerA.ApiKey);
        using var asB = fixture.Host.Client(fixture.PartnerB.ApiKey);
        var deliveryOfB = (await asB.GetFromJsonAsync<JsonElement>("/api/v1/deliveries"))[0];

        using var response = await asA.SendAsync(Request(endpoint.Replace("{id}", deliveryOfB.GetProperty("id").GetString(), StringComparison.Ordinal)));
        using var unknown = await asA.SendAsync(Request(endpoint.Replace("{id}", "doesnotexist", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var unknownProblem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(unknownProblem.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/v1/subscriptions")]
    [InlineData("/api/v1/deliveries")]
    public async Task PartnerLists_ShowNothingOfAnotherPartner(string path)
    {
        using var asA = fixture.Host.Client(fixture.PartnerA.ApiKey);
        using var asB = fixture.Host.Client(fixture.PartnerB.ApiKey);

        var seenByA = await asA.GetFromJsonAsync<JsonElement>(path);
        var seenByB = await asB.GetFromJsonAsync<JsonElement>(path);

        Assert.Equal(0, seenByA.GetArrayLength());
        Assert.NotEqual(0, seenByB.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/household/consents", "FreshMart B")]
    [InlineData("/api/v1/household/settings", "Pacific/Auckland")]
    [InlineData("/api/v1/household/notifications", "Quince paste")]
    public async Task HouseholdReads_ShowNothingOfAnotherHousehold(string path, string onlyInHouseholdB)
    {
        using var asA = fixture.Host.Client(fixture.HouseholderA);
        using var asB = fixture.Host.Client(fixture.HouseholderB);

        var seenByA = await asA.GetStringAsync(path);
        var seenByB = await asB.GetStringAsync(path);

        Assert.DoesNotContain(onlyInHouseholdB, seenByA, StringComparison.Ordinal);
        Assert.Contains(onlyInHouseholdB, seenByB, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Request(string endpoint)
    {
        var (method, path) = (endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)], endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var request = new HttpRequestMessage(new HttpMethod(method), RouteValue().Replace(path, "sample-1"));
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>"METHOD pattern" of every route endpoint the app maps, and the role its authorization policy requires.</summary>
    internal static IEnumerable<(string Key, string Role)> MappedEndpoints(CloudTestHost host) =>
        host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().SelectMany(endpoint =>
        {
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).SingleOrDefault();
            var role = policy switch
            {
                null => Anyone,
                CloudPolicies.Admin => CloudRoles.Admin,
                CloudPolicies.Partner => CloudRoles.Partner,
                CloudPolicies.Householder => CloudRoles.Householder,
                _ => "policy " + policy,
            };
            return endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => ($"{m} {endpoint.RoutePattern.RawText}", role));
        });

    [GeneratedRegex(@"(?<!/openapi/)\{[^}]+\}")]
    private static partial Regex RouteValue();

    /// <summary>One host with two partners (B subscribed and with a delivery) and two households (B with consent, settings and a notification).</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        internal CloudTestHost Host { get; private set; } = null!;

        internal SubscribedPartner PartnerA { get; private set; } = null!;

        internal SubscribedPartner PartnerB { get; private set; } = null!;

        public string HouseholderA { get; private set; } = null!;

        public string HouseholderB { get; private set; } = null!;

        public IReadOnlyDictionary<string, string> TokenByRole { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await CloudTestHost.StartAsync();
            var (partnerAId, partnerAKey) = await Host.CreatePartnerAsync("FreshMart A");
            PartnerA = new SubscribedPartner(partnerAId, partnerAKey, string.Empty, string.Empty);
            PartnerB = await SubscribedPartner.CreateAsync(Host, webhookUrl: null, name: "FreshMart B");
            HouseholderA = await Host.CreateHouseholderTokenAsync("home-a");
            HouseholderB = await Host.CreateHouseholderTokenAsync("home-b");
            using var asB = Host.Client(HouseholderB);
            using var consent = await asB.PutAsJsonAsync($"/api/v1/household/consents/{PartnerB.PartnerId}", new { types = new[] { "shg.stock.*" } });
            using var settings = await asB.PutAsJsonAsync("/api/v1/household/settings", new { timeZone = "Pacific/Auckland" });
            Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
            await WebhookDeliveryTests.RaiseAsync(Host, TestEvents.StockLow("home-b"));
            await WebhookDeliveryTests.RaiseAsync(Host, new NeedEvent
            {
                Id = Guid.NewGuid().ToString(),
                Type = NeedEventTypes.FoodExpired,
                HouseholdId = "home-b",
                Subject = "items/quince-1",
                Time = DateTimeOffset.UtcNow,
                Data = JsonSerializer.SerializeToElement(
                    new FoodEventData { ItemId = "quince-1", Name = "Quince paste", BestBefore = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)) },
                    ContractsJsonContext.Default.FoodEventData),
            });
            await WebhookDeliveryTests.AssertDeliveryAsync(Host, PartnerB.ApiKey, "failed", attempts: 1);
            TokenByRole = new Dictionary<string, string>
            {
                [CloudRoles.Admin] = CloudTestHost.AdminKey,
                [CloudRoles.Partner] = PartnerA.ApiKey,
                [CloudRoles.Householder] = HouseholderA,
            };
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
