using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SmartHome.Cloud.Delivery;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Delivery;

public class WebhookHandshakeTests
{
    private static WebhookHandshake CreateSut(out ServiceProvider services)
    {
        services = new ServiceCollection()
            .Configure<DeliveryOptions>(o => { o.AllowPrivateNetworks = true; o.Origin = "shg.test"; })
            .AddWebhookHttpClient().Services
            .AddSingleton<WebhookHandshake>()
            .BuildServiceProvider();
        return services.GetRequiredService<WebhookHandshake>();
    }

    [Fact]
    public async Task ValidateAsync_EndpointAllowsOurOrigin_Accepts()
    {
        string? seenOrigin = null;
        string? seenMethod = null;
        await using var server = await LoopbackHttpServer.StartAsync(ctx =>
        {
            seenMethod = ctx.Request.Method;
            seenOrigin = ctx.Request.Headers["WebHook-Request-Origin"];
            ctx.Response.Headers["WebHook-Allowed-Origin"] = seenOrigin;
            return Task.CompletedTask;
        });
        var sut = CreateSut(out var services);
        await using var _ = services;

        var reason = await sut.ValidateAsync(new Uri(server.BaseAddress, "/hook"), CancellationToken.None);

        Assert.Null(reason);
        Assert.Equal("OPTIONS", seenMethod);
        Assert.Equal("shg.test", seenOrigin);
    }

    [Fact]
    public async Task ValidateAsync_EndpointAllowsAnyOrigin_Accepts()
    {
        await using var server = await LoopbackHttpServer.StartAsync(ctx =>
        {
            ctx.Response.Headers["WebHook-Allowed-Origin"] = "*";
            return Task.CompletedTask;
        });
        var sut = CreateSut(out var services);
        await using var _ = services;

        Assert.Null(await sut.ValidateAsync(server.BaseAddress, CancellationToken.None));
    }

    [Fact]
    public async Task ValidateAsync_EndpointIgnoresHandshake_ReturnsReason()
    {
        await using var server = await LoopbackHttpServer.StartAsync(_ => Task.CompletedTask);
        var sut = CreateSut(out var services);
        await using var _ = services;

        var reason = await sut.ValidateAsync(server.BaseAddress, CancellationToken.None);

        Assert.Contains("WebHook-Allowed-Origin", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_EndpointAnswersError_ReturnsReasonWithStatus()
    {
        await using var server = await LoopbackHttpServer.StartAsync(ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        });
        var sut = CreateSut(out var services);
        await using var _ = services;

        Assert.Contains("405", await sut.ValidateAsync(server.BaseAddress, CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_NothingListening_ReturnsReason()
    {
        var sut = CreateSut(out var services);
        await using var _ = services;

        Assert.Contains("could not be reached", await sut.ValidateAsync(new Uri("http://127.0.0.1:1/hook"), CancellationToken.None), StringComparison.Ordinal);
    }
}
