namespace SmartHome.AllInOne;

/// <summary>
/// The lifetime of a host composed into the all-in-one process: it neither waits for nor listens to the console,
/// because <see cref="AllInOneSystem"/> handles the signals and stops the hosts in order.
/// </summary>
internal sealed class ComposedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
