using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.UnitTests.Storage;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task WriteAsync_ItemsHandedInDuringAWrite_GoTogetherIntoTheNextWriteEachWithItsOwnResult()
    {
        var store = new GatedStore();
        var sut = new GroupCommit<int, int>(store.WriteAsync, maxBatch: 100);

        var first = sut.WriteAsync(1);
        await store.Started.Task;
        var later = Enumerable.Range(2, 5).Select(sut.WriteAsync).ToArray();
        store.Release.SetResult();

        Assert.Equal(10, await first);
        Assert.Equal(new[] { 20, 30, 40, 50, 60 }, await Task.WhenAll(later));
        Assert.Equal(new[] { new[] { 1 }, [2, 3, 4, 5, 6] }, store.Batches);
    }

    [Fact]
    public async Task WriteAsync_MoreWaitingThanMaxBatch_WritesThemInBatchesOfAtMostMaxBatchInOrder()
    {
        var store = new GatedStore();
        var sut = new GroupCommit<int, int>(store.WriteAsync, maxBatch: 2);

        var first = sut.WriteAsync(1);
        await store.Started.Task;
        var later = Enumerable.Range(2, 5).Select(sut.WriteAsync).ToArray();
        store.Release.SetResult();
        await Task.WhenAll([first, .. later]);

        Assert.Equal(new[] { new[] { 1 }, [2, 3], [4, 5], [6] }, store.Batches);
    }

    [Fact]
    public async Task WriteAsync_FailedWrite_FailsEveryCallerOfThatBatchAndTheNextItemsAreStillWritten()
    {
        var store = new GatedStore { FailOn = 3 };
        var sut = new GroupCommit<int, int>(store.WriteAsync, maxBatch: 100);

        var first = sut.WriteAsync(1);
        await store.Started.Task;
        var failing = new[] { sut.WriteAsync(2), sut.WriteAsync(3) };
        store.Release.SetResult();

        Assert.Equal(10, await first);
        foreach (var caller in failing)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => caller);
        }

        Assert.Equal(40, await sut.WriteAsync(4));
        Assert.Equal(new[] { new[] { 1 }, [2, 3], [4] }, store.Batches);
    }

    [Fact]
    public async Task WriteAsync_ManyConcurrentCallers_EachItemWrittenOnceAndEveryCallerAnswered()
    {
        var store = new GatedStore();
        store.Release.SetResult();
        var sut = new GroupCommit<int, int>(store.WriteAsync, maxBatch: 16);

        var results = await Task.WhenAll(Enumerable.Range(1, 500).Select(i => Task.Run(() => sut.WriteAsync(i))));

        Assert.Equal(Enumerable.Range(1, 500).Select(i => i * 10), results);
        Assert.Equal(Enumerable.Range(1, 500), store.Batches.SelectMany(batch => batch).Order().ToArray());
        Assert.All(store.Batches, batch => Assert.InRange(batch.Length, 1, 16));
    }

    /// <summary>A write that records its batches, holds the first one until released, and fails a batch holding <see cref="FailOn"/>.</summary>
    private sealed class GatedStore
    {
        private readonly Lock gate = new();
        private readonly List<int[]> batches = [];

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int? FailOn { get; init; }

        public List<int[]> Batches
        {
            get
            {
                lock (gate)
                {
                    return [.. batches];
                }
            }
        }

        public async Task<IReadOnlyList<int>> WriteAsync(IReadOnlyList<int> items)
        {
            lock (gate)
            {
                batches.Add([.. items]);
            }

            Started.TrySetResult();
            await Release.Task;
            return items.Contains(FailOn ?? 0)
                ? throw new InvalidOperationException("the write failed (test)")
                : [.. items.Select(item => item * 10)];
        }
    }
}
