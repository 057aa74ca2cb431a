using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.Options;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Cloud.UnitTests.Storage;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Outbox;

public class DeliveryWorkerShutdownTests
{
    [Fact]
    public async Task StopAsync_HandingBackAnAttemptFails_WorkerStillEndsCleanly()
    {
        using var answer = new ManualResetEventSlim();
        using var arrived = new ManualResetEventSlim();
        await using var receiver = await WebhookReceiver.StartAsync(() =>
        {
            arrived.Set();
            answer.Wait(Wait.Timeout);
            return 204;
        });
        FlakyStoreProvider? store = null;
        await using var sut = await CloudTestHost.StartAsync(services: services => services.AddSingleton<IStoreProvider>(sp =>
            store = new FlakyStoreProvider(new SqliteStoreProvider(sp.GetRequiredService<IOptions<StorageOptions>>()))));
        var (partnerId, apiKey) = await sut.CreatePartnerAsync();
        using (var partner = sut.Client(apiKey))
        {
            using var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(
                partner, "/api/v1/subscriptions", new { types = new[] { "shg.stock.*" }, webhook = new { url = receiver.Url } });
            created.EnsureSuccessStatusCode();
        }

        await WebhookDeliveryTests.ConsentAsync(sut, partnerId, "shg.stock.*");
        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow("home-w"));
        await Eventually.TrueAsync(() => arrived.IsSet, Wait.Timeout, "the attempt in flight");
        store!.BecomeUnavailable();

        await sut.App.StopAsync();
        answer.Set();

        var worker = sut.App.Services.GetServices<IHostedService>().OfType<DeliveryWorker>().Single();
        Assert.NotNull(worker.ExecuteTask);
        Assert.Equal(TaskStatus.RanToCompletion, worker.ExecuteTask.Status);
    }
}
