using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.UnitTests.Hosting;

namespace SmartHome.Cloud.UnitTests.Outbox;

/// <summary>A cloud on a fake clock and a partner endpoint that answers 503 until it <see cref="Recover"/>s.</summary>
internal sealed class EndpointOutage : IAsyncDisposable
{
    private int down = 1;

    private EndpointOutage(FakeTimeProvider time) => Time = time;

    public FakeTimeProvider Time { get; }

    public WebhookReceiver Receiver { get; private set; } = null!;

    public CloudTestHost Cloud { get; private set; } = null!;

    public static async Task<EndpointOutage> StartAsync()
    {
        var outage = new EndpointOutage(new FakeTimeProvider(DateTimeOffset.UtcNow));
        outage.Receiver = await WebhookReceiver.StartAsync(() => Volatile.Read(ref outage.down) == 1 ? 503 : 204);
        outage.Cloud = await CloudTestHost.StartAsync(time: outage.Time);
        return outage;
    }

    public void Recover() => Interlocked.Exchange(ref down, 0);

    public async ValueTask DisposeAsync()
    {
        await Cloud.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
