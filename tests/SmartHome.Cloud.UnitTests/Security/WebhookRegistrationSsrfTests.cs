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
        var dns = new FakeHostAddressResolver();
        dns.Answer("hooks.partner.example", "93.184.216.34");
        dns.Answer("internal.partner.example", "93.184.216.34", "10.0.0.5");
        dns.Answer("metadata.partner.example", "::ffff:169.254.169.254");
        await using var sut = await CloudTestHost.StartAsync(
            settings => settings["SmartHome:Cloud:Delivery:AllowPrivateNetworks"] = "false",
            services: services => services.AddSingleton<IHostAddressResolver>(dns));
        var (_, apiKey) = await sut.CreatePartnerAsync();
        using var partner = sut.Client(apiKey);

        using var response = await partner.PostAsJsonAsync("/api/v1/subscriptions", new { types = new[] { "shg.stock.*" }, webhook = new { url } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(reason, Assert.Single(problem.GetProperty("errors").GetProperty("webhook.url").EnumerateArray()).GetString());
        Assert.Equal(0, (await partner.GetFromJsonAsync<JsonElement>("/api/v1/subscriptions")).GetArrayLength());
    }
}
