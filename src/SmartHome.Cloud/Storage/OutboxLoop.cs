using System.Data.Common;

namespace SmartHome.Cloud.Storage;

/// <summary>
/// The loop of an outbox worker: runs a round, then waits as long as the round says (not at all while rounds find
/// work) or until its <see cref="WorkSignal"/>. A store failure is reported and the round tried again after the poll
/// interval.
/// </summary>
internal static class OutboxLoop
{
    /// <param name="round">One round; answers how long to wait for the next at most (zero when it found work).</param>
    /// <param name="signal">Wakes the loop early when this process queued work.</param>
    /// <param name="pollInterval">The wait after a store failure.</param>
    /// <param name="time">The clock the wait runs on.</param>
    /// <param name="storeFailed">Reports a store failure (logs it).</param>
    /// <param name="stoppingToken">Ends the loop.</param>
    public static async Task RunAsync(
        Func<CancellationToken, Task<TimeSpan>> round, WorkSignal signal, TimeSpan pollInterval, TimeProvider time, Action<DbException> storeFailed,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(storeFailed);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = pollInterval;
            try
            {
                wait = await round(stoppingToken);
                if (wait <= TimeSpan.Zero)
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
                await signal.WaitAsync(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
