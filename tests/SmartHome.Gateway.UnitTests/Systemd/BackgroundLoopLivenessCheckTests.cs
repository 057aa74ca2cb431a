using Microsoft.Extensions.Hosting;
using SmartHome.Gateway.Systemd;

namespace SmartHome.Gateway.UnitTests.Systemd;

public sealed class BackgroundLoopLivenessCheckTests : IDisposable
{
    private readonly TestLifetime _lifetime = new();

    public void Dispose() => _lifetime.Dispose();

    [Fact]
    public async Task FindProblem_LoopRunning_IsNull()
    {
        using var loop = new Loop(stopping => Task.Delay(Timeout.Infinite, stopping));
        var sut = new BackgroundLoopLivenessCheck("uplink", loop, _lifetime);

        await loop.StartAsync(CancellationToken.None);

        Assert.Null(sut.FindProblem());
        await loop.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FindProblem_LoopFailed_NamesTheLoopAndTheError()
    {
        using var loop = new Loop(async _ =>
        {
            await Task.Yield();
            throw new IOException("disk gone");
        });
        var sut = new BackgroundLoopLivenessCheck("uplink", loop, _lifetime);

        await loop.StartAsync(CancellationToken.None);
        await Assert.ThrowsAsync<IOException>(() => loop.ExecuteTask!);

        Assert.Equal("the uplink loop failed: disk gone", sut.FindProblem());
    }

    [Fact]
    public async Task FindProblem_LoopReturnedBeforeShutdown_SaysItEnded()
    {
        using var loop = new Loop(_ => Task.CompletedTask);
        var sut = new BackgroundLoopLivenessCheck("uplink", loop, _lifetime);

        await loop.StartAsync(CancellationToken.None);
        await loop.ExecuteTask!;

        Assert.Equal("the uplink loop ended", sut.FindProblem());
    }

    [Fact]
    public async Task FindProblem_LoopEndedWhileTheHostStops_IsNull()
    {
        using var loop = new Loop(_ => Task.CompletedTask);
        var sut = new BackgroundLoopLivenessCheck("uplink", loop, _lifetime);

        await loop.StartAsync(CancellationToken.None);
        await loop.ExecuteTask!;
        _lifetime.StopApplication();

        Assert.Null(sut.FindProblem());
    }

    private sealed class Loop(Func<CancellationToken, Task> body) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => body(stoppingToken);
    }

    private sealed class TestLifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();

        public void Dispose() => _stopping.Dispose();
    }
}
