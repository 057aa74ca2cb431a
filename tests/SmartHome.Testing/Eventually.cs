namespace SmartHome.Testing;

/// <summary>Polls a condition until it holds, for asserting on work that finishes in the background.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (value is not null)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<T> GetValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(probe);
        var boxed = await GetAsync<object>(async () => await probe(), timeout, what);
        return (T)boxed;
    }

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return GetAsync<object>(async () => await condition() ? true : null, timeout, what);
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, what);
}
