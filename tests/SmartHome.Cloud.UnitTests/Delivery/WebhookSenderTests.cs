using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Delivery;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Delivery;

public class WebhookSenderTests
{
    [Fact]
    public async Task SendAsync_HugeResponseBody_IsDelivered()
    {
        var chunk = new byte[64 * 1024];
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            try
            {
                for (var i = 0; i < 2048; i++) // 128 MiB
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The sender stopped reading and closed the connection.
            }
        });
        await using var services = new ServiceCollection()
            .Configure<DeliveryOptions>(o => o.AllowPrivateNetworks = true)
            .AddWebhookHttpClient().Services
            .BuildServiceProvider();
        var sut = new WebhookSender(
            services.GetRequiredService<IHttpClientFactory>(), services.GetRequiredService<IOptionsMonitor<DeliveryOptions>>(), TimeProvider.System);

        var result = await sut.SendAsync(server.BaseAddress, ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], "evt-1", "{}", CancellationToken.None);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(200, result.StatusCode);
    }
}
