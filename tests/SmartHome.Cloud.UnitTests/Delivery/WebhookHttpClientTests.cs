using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SmartHome.Cloud.Delivery;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Delivery;

public class WebhookHttpClientTests
{
    private static HttpClient CreateSut(bool allowPrivate, out ServiceProvider services)
    {
        services = new ServiceCollection()
            .Configure<DeliveryOptions>(o => o.AllowPrivateNetworks = allowPrivate)
            .AddWebhookHttpClient().Services
            .BuildServiceProvider();
        return services.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookHttpClientExtensions.ClientName);
    }

    [Fact]
    public async Task Send_LoopbackWhenPrivateNetworksNotAllowed_RefusesAtConnect()
    {
        var reached = false;
        await using var server = await LoopbackHttpServer.StartAsync(_ => { reached = true; return Task.CompletedTask; });
        using var sut = CreateSut(allowPrivate: false, out var services);
        await using var _ = services;

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => sut.PostAsync(server.BaseAddress, new StringContent("{}")));

        Assert.Contains("non-public", ex.ToString(), StringComparison.Ordinal);
        Assert.False(reached);
    }

    [Fact]
    public async Task Send_RedirectAnswer_IsNotFollowed()
    {
        var requests = 0;
        await using var server = await LoopbackHttpServer.StartAsync(ctx =>
        {
            Interlocked.Increment(ref requests);
            ctx.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            ctx.Response.Headers.Location = "/elsewhere";
            return Task.CompletedTask;
        });
        using var sut = CreateSut(allowPrivate: true, out var services);
        await using var _ = services;

        using var response = await sut.PostAsync(server.BaseAddress, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(1, requests);
    }
}
