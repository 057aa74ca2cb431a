using System.Data.Common;

namespace SmartHome.Cloud.Storage;

/// <summary>
/// The loop of an outbox worker: runs a round, and another at once while rounds find work; otherwise waits for its
/// <see cref="WorkSignal"/> or the poll interval. A store failure is reported and the round tried again after the wait.
/// </summary>
internal static class OutboxLoop
{
    /// <param name="round">One round; true when it found work, so the next should not wait.</param>
    /// <param name="signal">Wakes the loop early when this process queued work.</param>
    /// <param name="pollInterval">The longest wait between rounds.</param>
    /// <param name="time">The clock the wait runs on.</param>
    /// <param name="storeFailed">Reports a store failure (logs it).</param>
    /// <param name="stoppingToken">Ends the loop.</param>
    public static async Task RunAsync(
        Func<CancellationToken, Task<bool>> round, WorkSignal signal, TimeSpan pollInterval, TimeProvider time, Action<DbException> storeFailed,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(storeFailed);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await round(stoppingToken))
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (DbException ex)
            {
                storeFailed(ex);
            }

            try
            {
                await signal.WaitAsync(pollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
