using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.UnitTests.Delivery;
using SmartHome.Cloud.UnitTests.Hosting;

namespace SmartHome.Cloud.UnitTests.Security;

public class WebhookRegistrationSsrfTests
{
    [Theory]
    [InlineData("http://hooks.partner.example/shg", "the webhook URL must use https")]
    [InlineData("https://internal.partner.example/shg", "the webhook host 'internal.partner.example' resolves to a non-public address (10.0.0.5)")]
    [InlineData("https://metadata.partner.example/shg", "the webhook host 'metadata.partner.example' resolves to a non-public address (::ffff:169.254.169.254)")]
    [InlineData("https://0xa9fea9fe/latest/meta-data", "the webhook URL points at a non-public address (169.254.169.254)")]
    [InlineData("https://[::ffff:127.0.0.1]:8443/shg", "the webhook URL points at a non-public address (::ffff:127.0.0.1)")]
    [InlineData("https://hooks.partner.example@127.0.0.1/shg", "the webhook URL must not carry credentials")]
    public async Task CreateSubscription_WebhookIntoAPrivateNetwork_Gets400NamingTheReason(string url, string reason)
    {
        await using var sut = await StartWithoutPrivateNetworksAsync();
        var (_, apiKey) = await sut.CreatePartnerAsync();
        using var partner = sut.Client(apiKey);

        using var response = await partner.PostAsJsonAsync("/api/v1/subscriptions", new { types = new[] { "shg.stock.*" }, webhook = new { url } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(reason, Assert.Single(problem.GetProperty("errors").GetProperty("webhook.url").EnumerateArray()).GetString());
        Assert.Equal(0, (await partner.GetFromJsonAsync<JsonElement>("/api/v1/subscriptions")).GetArrayLength());
    }

    [Theory]
    [InlineData("http://hooks.partner.example/shg", "the webhook URL must use https")]
    [InlineData("https://internal.partner.example/shg", "the webhook host 'internal.partner.example' resolves to a non-public address (10.0.0.5)")]
    [InlineData("https://10.0.0.5/hook", "the webhook URL points at a non-public address (10.0.0.5)")]
    [InlineData("https://100.64.0.1/hook", "the webhook URL points at a non-public address (100.64.0.1)")]
    [InlineData("https://[fd00::1]/hook", "the webhook URL points at a non-public address (fd00::1)")]
    [InlineData("https://[::ffff:127.0.0.1]:8443/shg", "the webhook URL points at a non-public address (::ffff:127.0.0.1)")]
    public async Task PutHouseholdWebhook_IntoAPrivateNetwork_Gets400NamingTheReason(string url, string reason)
    {
        await using var sut = await StartWithoutPrivateNetworksAsync();
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-ssrf"));

        using var response = await householder.PutAsJsonAsync("/api/v1/household/notification-webhook", new { url, format = "ntfy" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(reason, Assert.Single(problem.GetProperty("errors").GetProperty("url").EnumerateArray()).GetString());
        using var none = await householder.GetAsync("/api/v1/household/notification-webhook");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    private static Task<CloudTestHost> StartWithoutPrivateNetworksAsync()
    {
        var dns = new FakeHostAddressResolver();
        dns.Answer("hooks.partner.example", "93.184.216.34");
        dns.Answer("internal.partner.example", "93.184.216.34", "10.0.0.5");
        dns.Answer("metadata.partner.example", "::ffff:169.254.169.254");
        return CloudTestHost.StartAsync(
            settings => settings["SmartHome:Cloud:Delivery:AllowPrivateNetworks"] = "false",
            services: services => services.AddSingleton<IHostAddressResolver>(dns));
    }
}
