namespace SmartHome.Cloud.Storage;

/// <summary>
/// Writes what concurrent callers hand in together (a group commit): the first caller's item is written at once;
/// items handed in while a write is under way wait for it to end and then go together into the next, at most
/// <c>maxBatch</c> at a time. Under load many one-row transactions, each waiting for its own fsync, become a few larger
/// ones; an idle store adds no delay, and nothing is buffered beyond the write under way, so there is nothing to flush
/// at shutdown. Each caller's task ends when the transaction holding its item has committed, with its own result, or
/// fails with that transaction's exception (the items it held are not written).
/// </summary>
/// <param name="write">Writes a batch in one transaction and answers one result per item, in order.</param>
/// <param name="maxBatch">The most items in one transaction.</param>
internal sealed class GroupCommit<TItem, TResult>(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write, int maxBatch)
{
    private readonly Lock gate = new();
    private readonly Queue<(TItem Item, TaskCompletionSource<TResult> Done)> waiting = new();
    private bool writing;

    public Task<TResult> WriteAsync(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            waiting.Enqueue((item, done));
            if (writing)
            {
                return done.Task;
            }

            writing = true;
        }

        _ = WriteWaitingAsync();
        return done.Task;
    }

    /// <summary>Writes batches until nobody waits; it never throws (each batch's failure goes to its callers).</summary>
    private async Task WriteWaitingAsync()
    {
        while (true)
        {
            var batch = new List<(TItem Item, TaskCompletionSource<TResult> Done)>();
            lock (gate)
            {
                while (batch.Count < maxBatch && waiting.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                if (batch.Count == 0)
                {
                    writing = false;
                    return;
                }
            }

            try
            {
                var results = await write([.. batch.Select(waiter => waiter.Item)]);
                if (results.Count != batch.Count)
                {
                    throw new InvalidOperationException($"The write answered {results.Count} results for {batch.Count} items.");
                }

                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception ex)
            {
                foreach (var waiter in batch)
                {
                    waiter.Done.TrySetException(ex);
                }
            }
        }
    }
}
