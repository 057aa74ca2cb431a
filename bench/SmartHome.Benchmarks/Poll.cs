namespace SmartHome.Benchmarks;

/// <summary>Waits for a condition by polling often, so that the wait adds little to what is measured.</summary>
internal static class Poll
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    public static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"gave up after {Timeout.TotalMinutes} min waiting for {what}");
            }

            await Task.Delay(Interval);
        }
    }
}
