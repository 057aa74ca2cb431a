using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SmartHome.Cloud.Delivery;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Delivery;

public class WebhookHttpClientTests
{
    private static HttpClient CreateSut(bool allowPrivate, out ServiceProvider services, IHostAddressResolver? dns = null)
    {
        var collection = new ServiceCollection().Configure<DeliveryOptions>(o => o.AllowPrivateNetworks = allowPrivate);
        if (dns is not null)
        {
            collection.AddSingleton(dns);
        }

        services = collection
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

    [Fact]
    public async Task Send_NameRebindsToLoopbackAfterRegistration_RefusedAtConnectAndNoConnectionIsMade()
    {
        using var loopback = new TcpListener(IPAddress.Loopback, 0);
        loopback.Start();
        var port = ((IPEndPoint)loopback.LocalEndpoint).Port;
        var dns = new FakeHostAddressResolver();
        dns.Answer("hooks.partner.example", "93.184.216.34");
        using var sut = CreateSut(allowPrivate: false, out var services, dns);
        await using var _ = services;
        var url = new Uri($"https://hooks.partner.example:{port}/shg");
        var atRegistration = await services.GetRequiredService<WebhookUrlPolicy>().ValidateResolvedAsync(url, CancellationToken.None);
        dns.Answer("hooks.partner.example", "127.0.0.1");

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => sut.PostAsync(url, new StringContent("{}")));

        Assert.Null(atRegistration);
        Assert.Contains("refused to connect to 'hooks.partner.example': it resolves only to non-public addresses (127.0.0.1)", ex.ToString(), StringComparison.Ordinal);
        Assert.False(loopback.Pending());
    }

    [Fact]
    public async Task Send_AnswerWithOversizedHeaders_FailsInsteadOfBeingRead()
    {
        await using var server = await LoopbackHttpServer.StartAsync(ctx =>
        {
            ctx.Response.Headers["X-Padding"] = new string('a', 20 * 1024);
            return Task.CompletedTask;
        });
        using var sut = CreateSut(allowPrivate: true, out var services);
        await using var _ = services;

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => sut.PostAsync(server.BaseAddress, new StringContent("{}")));

        Assert.Contains("header", ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
